package io.github.dermlip.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    /** {@code np.save(f, np.array([[1.5, -2.0, 0.25], [3.0, 4.0, -0.5]], dtype=np.float32))}, NumPy 1.24.2. */
    private static final String NUMPY_FLOAT32 = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e"
            + "5f6f72646572273a2046616c73652c20277368617065273a2028322c2033292c207d20202020202020202020202020202020"
            + "2020202020202020202020202020202020202020202020202020202020202020202020202020202020200a0000c03f000000"
            + "c00000803e0000404000008040000000bf";
    /** {@code np.save(f, np.array([[7], [-1], [2**40]], dtype=np.int64))}, NumPy 1.24.2. */
    private static final String NUMPY_INT64 = "934e554d5059010076007b276465736372273a20273c6938272c2027666f727472616e"
            + "5f6f72646572273a2046616c73652c20277368617065273a2028332c2031292c207d20202020202020202020202020202020"
            + "2020202020202020202020202020202020202020202020202020202020202020202020202020202020200a07000000000000"
            + "00ffffffffffffffff0000000000010000";

    @TempDir
    Path dir;

    @Test
    void writesTheSameBytesAsNumpy() throws IOException {
        Path floats = dir.resolve("f.npy");
        Npy.writeFloat32(floats, new float[][] {{1.5f, -2f, 0.25f}, {3f, 4f, -0.5f}});
        assertEquals(NUMPY_FLOAT32, HexFormat.of().formatHex(Files.readAllBytes(floats)));
        Path longs = dir.resolve("l.npy");
        Npy.writeInt64(longs, new long[][] {{7}, {-1}, {1L << 40}});
        assertEquals(NUMPY_INT64, HexFormat.of().formatHex(Files.readAllBytes(longs)));
    }

    @Test
    void readsNumpyFiles() throws IOException {
        Path floats = dir.resolve("f.npy");
        Files.write(floats, HexFormat.of().parseHex(NUMPY_FLOAT32));
        float[][] matrix = Npy.readFloat32(floats);
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f}, matrix[0]);
        assertArrayEquals(new float[] {3f, 4f, -0.5f}, matrix[1]);
        Path longs = dir.resolve("l.npy");
        Files.write(longs, HexFormat.of().parseHex(NUMPY_INT64));
        assertArrayEquals(new long[][] {{7}, {-1}, {1L << 40}}, Npy.readInt64(longs));
    }

    @Test
    void roundTripsLargeFlatMatrices() throws IOException {
        int rows = 700;
        int cols = 513;
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i);
        }
        Path file = dir.resolve("big.npy");
        Npy.writeFloat32(file, data, rows, cols);
        float[][] back = Npy.readFloat32(file);
        assertEquals(rows, back.length);
        assertEquals(data[cols * 321 + 17], back[321][17]);
        assertEquals(data[data.length - 1], back[rows - 1][cols - 1]);
    }

    @Test
    void readsAOneDimensionalArrayAsAColumn() throws IOException {
        String header = "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }";
        byte[] bytes = npyBytes(header, new byte[] {3, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0});
        Path file = dir.resolve("labels.npy");
        Files.write(file, bytes);
        assertArrayEquals(new long[][] {{3}, {5}}, Npy.readInt64(file));
    }

    @Test
    void rejectsOtherTypesNamingFileAndField() throws IOException {
        Path file = dir.resolve("f64.npy");
        Files.write(file, npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", new byte[8]));
        IOException e = assertThrows(IOException.class, () -> Npy.readFloat32(file));
        assertTrue(e.getMessage().contains("f64.npy") && e.getMessage().contains("'descr'"), e.getMessage());
        Path fortran = dir.resolve("fortran.npy");
        Files.write(fortran, npyBytes("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", new byte[4]));
        assertThrows(IOException.class, () -> Npy.readFloat32(fortran));
        Path truncated = dir.resolve("short.npy");
        Files.write(truncated, npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", new byte[4]));
        assertThrows(IOException.class, () -> Npy.readFloat32(truncated));
    }

    private static byte[] npyBytes(String dict, byte[] data) {
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        byte[] bytes = new byte[10 + header.length() + data.length];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0};
        System.arraycopy(magic, 0, bytes, 0, 10);
        System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, bytes, 10, header.length());
        System.arraycopy(data, 0, bytes, 10 + header.length(), data.length);
        return bytes;
    }
}
