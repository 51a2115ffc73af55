package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every supported dtype decodes from hand-written little-endian bytes. */
class SafetensorsDTypesTest {
    @TempDir
    Path tmp;

    @Test
    void decodesEverySupportedDtype() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00).putShort((short) 0x8001);               // F16 [0, 4): 1.0, -2^-24
        data.putShort((short) 0x4049).putShort((short) 0xFF80);               // BF16 [4, 8): 3.140625, -inf
        data.putDouble(0.1);                                                  // F64 [8, 16)
        data.putInt(-7).putInt(Integer.MAX_VALUE);                            // I32 [16, 24)
        data.putShort((short) -300).putShort((short) 300);                    // I16 [24, 28)
        data.put((byte) -128).put((byte) 127);                                // I8 [28, 30)
        data.put((byte) 0xFF).put((byte) 0);                                  // U8 [30, 32)
        data.put((byte) 1).put((byte) 0);                                     // BOOL [32, 34)
        byte[] bytes = new byte[34];
        data.flip().get(bytes);
        String header = "{"
                + "\"f16\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"bf16\":{\"dtype\":\"BF16\",\"shape\":[2,1],\"data_offsets\":[4,8]},"
                + "\"f64\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[8,16]},"
                + "\"i32\":{\"dtype\":\"I32\",\"shape\":[2],\"data_offsets\":[16,24]},"
                + "\"i16\":{\"dtype\":\"I16\",\"shape\":[2],\"data_offsets\":[24,28]},"
                + "\"i8\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[28,30]},"
                + "\"u8\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[30,32]},"
                + "\"bool\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[32,34]},"
                + "\"none\":{\"dtype\":\"F32\",\"shape\":[3,0],\"data_offsets\":[34,34]}}";
        Path file = tmp.resolve("dtypes.safetensors");
        Files.write(file, SafetensorsBytes.of(header, bytes));
        StateDict sd = SafetensorsReader.read(file);

        assertEquals(DType.F16, sd.get("f16").dtype());
        assertArrayEquals(new float[] {1.0f, -0x1p-24f}, sd.get("f16").floats());
        assertEquals(DType.BF16, sd.get("bf16").dtype());
        assertArrayEquals(new long[] {2, 1}, sd.get("bf16").shape());
        assertArrayEquals(new float[] {3.140625f, Float.NEGATIVE_INFINITY}, sd.get("bf16").floats());
        assertArrayEquals(new float[] {0.1f}, sd.get("f64").floats());
        assertArrayEquals(new long[] {-7, Integer.MAX_VALUE}, sd.get("i32").longs());
        assertArrayEquals(new long[] {-300, 300}, sd.get("i16").longs());
        assertArrayEquals(new long[] {-128, 127}, sd.get("i8").longs());
        assertArrayEquals(new long[] {255, 0}, sd.get("u8").longs());
        assertEquals(DType.BOOL, sd.get("bool").dtype());
        assertArrayEquals(new long[] {1, 0}, sd.get("bool").longs());
        assertEquals(0, sd.get("none").numel());
        assertEquals(java.util.Map.of(), sd.metadata());
    }

    @Test
    void tensorLargerThanOneReadChunkIsReadCompletely() throws IOException {
        int n = (3 << 20) / 4 + 5; // spans several 1 MiB chunks with a ragged tail
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = i * 0.5f - 17;
        }
        Path file = tmp.resolve("big.safetensors");
        SafetensorsWriter.write(file, java.util.Map.of("w", TensorData.ofFloats(new long[] {n}, values)));
        assertArrayEquals(values, StateDict.read(file).get("w").floats());
    }
}
