package io.github.dermlip.core.io;

/**
 * A tensor described by {@code torch._utils._rebuild_tensor_v2}: a strided view of a storage, already checked
 * to stay inside the storage. The shape and stride arrays are owned by this record and never modified.
 */
record TorchTensorRef(TorchStorageRef storage, long offset, long[] size, long[] stride, int numel) {
    /** True when the view is the whole storage in row-major order, so the decoded storage can be used as is. */
    boolean coversWholeStorage() {
        return offset == 0 && numel == storage.numel() && isContiguous();
    }

    /** True when the elements lie in row-major order without gaps (dimensions of size 1 may have any stride). */
    boolean isContiguous() {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }
}
