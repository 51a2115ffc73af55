package io.github.dermlip.core.io;

/** Copies a strided tensor view out of a decoded storage into a new row-major array. */
final class StridedCopy {
    private StridedCopy() {}

    /** The view's elements of a float32 storage, row-major. */
    static float[] gather(float[] storage, TorchTensorRef view) {
        float[] out = new float[view.numel()];
        copy(storage, out, view);
        return out;
    }

    /** The view's elements of an int64 storage, row-major. */
    static long[] gather(long[] storage, TorchTensorRef view) {
        long[] out = new long[view.numel()];
        copy(storage, out, view);
        return out;
    }

    /** {@code src} and {@code dst} are arrays of the same primitive type; the view was bounds-checked when decoded. */
    private static void copy(Object src, Object dst, TorchTensorRef view) {
        int n = view.numel();
        if (n == 0) {
            return;
        }
        if (view.isContiguous()) {
            System.arraycopy(src, (int) view.offset(), dst, 0, n);
            return;
        }
        long[] size = view.size();
        long[] stride = view.stride();
        int outer = size.length - 1;
        int inner = (int) size[outer];
        long innerStride = stride[outer];
        long[] index = new long[outer];
        for (int out = 0; out < n; out += inner) {
            long base = view.offset();
            for (int d = 0; d < outer; d++) {
                base += index[d] * stride[d];
            }
            if (innerStride == 1) {
                System.arraycopy(src, (int) base, dst, out, inner);
            } else if (src instanceof float[]) {
                float[] s = (float[]) src;
                float[] t = (float[]) dst;
                for (int j = 0; j < inner; j++) {
                    t[out + j] = s[(int) (base + j * innerStride)];
                }
            } else {
                long[] s = (long[]) src;
                long[] t = (long[]) dst;
                for (int j = 0; j < inner; j++) {
                    t[out + j] = s[(int) (base + j * innerStride)];
                }
            }
            for (int d = outer - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
    }
}
