package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;

class TensorDataTest {

    @Test
    void isImmutable() {
        long[] shape = {2};
        float[] data = {1, 2};
        TensorData t = TensorData.ofFloats(shape, data);
        shape[0] = 5;
        data[0] = 9;
        t.shape()[0] = 7;
        t.floats()[1] = 8;
        assertArrayEquals(new long[] {2}, t.shape());
        assertArrayEquals(new float[] {1, 2}, t.floats());
        FloatBuffer view = t.floatBuffer();
        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, 3f));
    }

    @Test
    void describesItself() {
        TensorData scalar = TensorData.ofFloats(new long[] {}, new float[] {3});
        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.numel());
        assertTrue(scalar.isFloating());
        assertEquals(DType.F32, scalar.dtype());
        TensorData ids = TensorData.ofLongs(new long[] {2, 3}, new long[6]);
        assertEquals(6, ids.numel());
        assertFalse(ids.isFloating());
        assertEquals(DType.I64, ids.dtype());
        assertEquals("TensorData[I64 [2, 3]]", ids.toString());
        assertThrows(IllegalStateException.class, ids::floats);
        assertThrows(IllegalStateException.class, scalar::longs);
        assertThrows(IllegalArgumentException.class, () -> TensorData.ofFloats(new long[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> TensorData.ofFloats(new long[] {-1}, new float[0]));
        assertThrows(IllegalArgumentException.class, () -> TensorData.wrapFloats(DType.I32, new long[] {1}, new float[1]));
    }

    @Test
    void ndArrayBridgeRoundTrips() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorData w = TensorData.ofFloats(new long[] {2, 3}, new float[] {1, -2, 3.5f, 0, Float.MIN_VALUE, -0f});
            NDArray a = w.toNDArray(m);
            assertEquals(DataType.FLOAT32, a.getDataType());
            assertEquals(new Shape(2, 3), a.getShape());
            assertEquals(w, TensorData.fromNDArray(a));

            TensorData ids = TensorData.ofLongs(new long[] {3}, new long[] {49406, Long.MIN_VALUE, 7});
            NDArray b = ids.toNDArray(m);
            assertEquals(DataType.INT64, b.getDataType());
            assertEquals(ids, TensorData.fromNDArray(b));

            TensorData scalar = TensorData.ofFloats(new long[] {}, new float[] {2.5f});
            NDArray s = scalar.toNDArray(m);
            assertEquals(0, s.getShape().dimension());
            assertEquals(scalar, TensorData.fromNDArray(s));

            TensorData empty = TensorData.ofFloats(new long[] {0, 4}, new float[0]);
            NDArray e = empty.toNDArray(m);
            assertEquals(new Shape(0, 4), e.getShape());
            assertEquals(empty, TensorData.fromNDArray(e));
        }
    }

    @Test
    void fromNDArrayWidensAndRecordsTheSourceType() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray half = m.create(new float[] {1.5f, -0.25f, 65504f}).toType(DataType.FLOAT16, false);
            TensorData h = TensorData.fromNDArray(half);
            assertEquals(DType.F16, h.dtype());
            assertArrayEquals(new float[] {1.5f, -0.25f, 65504f}, h.floats());

            // BFLOAT16 is left out: DJL 0.35.1's PyTorch engine aborts the JVM on creating any bf16 array.
            NDArray doubles = m.create(new double[] {0.1, -1e300});
            TensorData d = TensorData.fromNDArray(doubles);
            assertEquals(DType.F64, d.dtype());
            assertArrayEquals(new float[] {0.1f, Float.NEGATIVE_INFINITY}, d.floats());

            NDArray bytes = m.create(new byte[] {-1, 5}, new Shape(2)).toType(DataType.INT8, false);
            assertArrayEquals(new long[] {-1, 5}, TensorData.fromNDArray(bytes).longs());
            NDArray unsigned = m.create(new byte[] {-1, 5}, new Shape(2)).toType(DataType.UINT8, false);
            assertEquals(DType.U8, TensorData.fromNDArray(unsigned).dtype());
            assertArrayEquals(new long[] {255, 5}, TensorData.fromNDArray(unsigned).longs());

            NDArray ints = m.create(new int[] {-3, 4}, new Shape(1, 2));
            TensorData i = TensorData.fromNDArray(ints);
            assertEquals(DType.I32, i.dtype());
            assertArrayEquals(new long[] {1, 2}, i.shape());
            assertArrayEquals(new long[] {-3, 4}, i.longs());

            NDArray bools = m.create(new boolean[] {true, false, true});
            TensorData b = TensorData.fromNDArray(bools);
            assertEquals(DType.BOOL, b.dtype());
            assertArrayEquals(new long[] {1, 0, 1}, b.longs());
        }
    }
}
