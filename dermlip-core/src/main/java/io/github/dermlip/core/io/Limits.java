package io.github.dermlip.core.io;

/** Size checks that turn a hostile or absurd size claim into a clear error before any allocation. */
final class Limits {
    /** The largest Java array the JVM reliably allocates. */
    static final int MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;

    private Limits() {}

    /** Fails when {@code count} elements do not fit in one Java array. */
    static int requireArrayLength(String source, String what, long count) throws CheckpointFormatException {
        if (count < 0 || count > MAX_ARRAY_ELEMENTS) {
            throw new CheckpointFormatException(source, what + " has " + count
                    + " elements, more than one Java array can hold (" + MAX_ARRAY_ELEMENTS + ")");
        }
        return (int) count;
    }

    /** Fails when {@code bytes} of decoded values exceed the JVM's maximum heap, which would end in OutOfMemoryError. */
    static void requireHeap(String source, String what, long bytes) throws CheckpointFormatException {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new CheckpointFormatException(source, what + " need " + bytes
                    + " bytes of heap once decoded, more than the JVM's maximum heap of " + max + " bytes");
        }
    }

    /** {@code a * b}, or a format error naming {@code what} when the product overflows a long. */
    static long multiply(String source, String what, long a, long b) throws CheckpointFormatException {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new CheckpointFormatException(source, what + " overflows 64 bits");
        }
    }

    /** {@code a + b}, or a format error naming {@code what} when the sum overflows a long. */
    static long add(String source, String what, long a, long b) throws CheckpointFormatException {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new CheckpointFormatException(source, what + " overflows 64 bits");
        }
    }

    /** Product of the dimensions of {@code shape}, failing on overflow. */
    static long elementCount(String source, String what, long[] shape) throws CheckpointFormatException {
        long n = 1;
        for (long d : shape) {
            n = multiply(source, what + ": element count of the shape", n, d);
        }
        return n;
    }

    /** Bytes that {@code count} elements occupy once held as float32 or int64. */
    static long decodedBytes(DType dtype, long count) {
        return count * (dtype.isFloating() ? Float.BYTES : Long.BYTES);
    }
}
