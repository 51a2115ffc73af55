package io.github.dermlip.core.io;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * An immutable tensor read from or written to a checkpoint: the dtype the file held, the shape, and the
 * values in row-major order, widened to float32 (floating dtypes) or int64 (integer and boolean dtypes).
 *
 * <p>The element count is bounded by what a Java array holds. Accessors that return arrays copy them;
 * {@link #floatBuffer()} and {@link #longBuffer()} give read-only views without copying.
 */
public final class TensorData {
    private final DType dtype;
    private final long[] shape;
    private final float[] floats;
    private final long[] longs;

    private TensorData(DType dtype, long[] shape, float[] floats, long[] longs) {
        this.dtype = dtype;
        this.shape = shape;
        this.floats = floats;
        this.longs = longs;
        long expected = elementCount(shape);
        int actual = floats != null ? floats.length : longs.length;
        if (expected != actual) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + expected
                    + " elements but " + actual + " values were given");
        }
    }

    /** A float32 tensor; {@code shape} and {@code data} are copied. */
    public static TensorData ofFloats(long[] shape, float[] data) {
        return new TensorData(DType.F32, checkedShape(shape), data.clone(), null);
    }

    /** An int64 tensor; {@code shape} and {@code data} are copied. */
    public static TensorData ofLongs(long[] shape, long[] data) {
        return new TensorData(DType.I64, checkedShape(shape), null, data.clone());
    }

    /** Wraps freshly decoded values without copying; the caller gives up {@code data}. */
    static TensorData wrapFloats(DType dtype, long[] shape, float[] data) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(dtype + " values are held as int64, not float32");
        }
        return new TensorData(dtype, checkedShape(shape), data, null);
    }

    /** Wraps freshly decoded values without copying; the caller gives up {@code data}. */
    static TensorData wrapLongs(DType dtype, long[] shape, long[] data) {
        if (dtype.isFloating()) {
            throw new IllegalArgumentException(dtype + " values are held as float32, not int64");
        }
        return new TensorData(dtype, checkedShape(shape), null, data);
    }

    /** The element type the checkpoint held (F32 for {@link #ofFloats}, I64 for {@link #ofLongs}). */
    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape; empty for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    /** Number of dimensions (0 for a scalar). */
    public int rank() {
        return shape.length;
    }

    /** Number of elements: the product of the shape (1 for a scalar). */
    public int numel() {
        return floats != null ? floats.length : longs.length;
    }

    /** True when the values are float32 ({@link #floats()}), false when they are int64 ({@link #longs()}). */
    public boolean isFloating() {
        return floats != null;
    }

    /** A copy of the float32 values in row-major order; fails for an integer tensor. */
    public float[] floats() {
        return requireFloats().clone();
    }

    /** A copy of the int64 values in row-major order; fails for a floating tensor. */
    public long[] longs() {
        return requireLongs().clone();
    }

    /** A read-only view of the float32 values, without copying; fails for an integer tensor. */
    public FloatBuffer floatBuffer() {
        return FloatBuffer.wrap(requireFloats()).asReadOnlyBuffer();
    }

    /** A read-only view of the int64 values, without copying; fails for a floating tensor. */
    public LongBuffer longBuffer() {
        return LongBuffer.wrap(requireLongs()).asReadOnlyBuffer();
    }

    /** A new float32 (floating dtypes) or int64 (integer dtypes) array in {@code manager} with this shape and values. */
    public NDArray toNDArray(NDManager manager) {
        Shape djlShape = new Shape(shape);
        return floats != null ? manager.create(floats, djlShape) : manager.create(longs, djlShape);
    }

    /**
     * Copies an array to the host: floating arrays become float32 values, integer and boolean arrays int64
     * values; the dtype records the array's own type.
     *
     * @throws IllegalArgumentException for data types a checkpoint cannot hold (string, complex, unsigned wider than 8 bits)
     */
    public static TensorData fromNDArray(NDArray array) {
        DataType type = array.getDataType();
        DType dtype = dtypeOf(type);
        long[] shape = array.getShape().getShape();
        if (type == DataType.FLOAT32) {
            return new TensorData(dtype, shape, array.toFloatArray(), null);
        }
        if (type == DataType.INT64) {
            return new TensorData(dtype, shape, null, array.toLongArray());
        }
        // Other types are widened here on the host from their raw bytes, not by an engine cast.
        ByteBuffer raw = array.toByteBuffer().order(ByteOrder.nativeOrder());
        int n = Math.toIntExact(array.size());
        if (dtype.isFloating()) {
            float[] values = new float[n];
            ElementReader.decodeFloats(dtype, raw, n, values, 0);
            return new TensorData(dtype, shape, values, null);
        }
        long[] values = new long[n];
        ElementReader.decodeLongs(dtype, raw, n, values, 0);
        return new TensorData(dtype, shape, null, values);
    }

    private static DType dtypeOf(DataType type) {
        switch (type) {
            case FLOAT32: return DType.F32;
            case FLOAT16: return DType.F16;
            case BFLOAT16: return DType.BF16;
            case FLOAT64: return DType.F64;
            case INT64: return DType.I64;
            case INT32: return DType.I32;
            case INT16: return DType.I16;
            case INT8: return DType.I8;
            case UINT8: return DType.U8;
            case BOOLEAN: return DType.BOOL;
            default: throw new IllegalArgumentException("cannot hold an NDArray of type " + type + " as TensorData");
        }
    }

    private float[] requireFloats() {
        if (floats == null) {
            throw new IllegalStateException("tensor of dtype " + dtype + " holds int64 values; use longs()");
        }
        return floats;
    }

    private long[] requireLongs() {
        if (longs == null) {
            throw new IllegalStateException("tensor of dtype " + dtype + " holds float32 values; use floats()");
        }
        return longs;
    }

    private static long[] checkedShape(long[] shape) {
        long[] copy = shape.clone();
        for (long d : copy) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(copy));
            }
        }
        return copy;
    }

    /** Product of the dimensions, or -1 when it overflows a long. */
    private static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }

    /** Equal when dtype, shape and values match, compared as {@link Arrays#equals(float[], float[])} does. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TensorData)) {
            return false;
        }
        TensorData t = (TensorData) o;
        return dtype == t.dtype && Arrays.equals(shape, t.shape) && Arrays.equals(floats, t.floats)
                && Arrays.equals(longs, t.longs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + (floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(longs));
    }

    @Override
    public String toString() {
        return "TensorData[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
