package io.github.dermlip.eval.probe;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes 2-D NumPy {@code .npy} files of little-endian float32 ({@code <f4}) and int64 ({@code <i8}),
 * C order, so that embeddings and labels travel between this library and Python ({@code np.load}).
 *
 * <p>Files are written in format version 1.0 with the header padded to a multiple of 64 bytes, as NumPy does.
 * Reading accepts versions 1.0 to 3.0, and a 1-D array of length n as an {@code n x 1} matrix (what
 * {@code np.save} writes for a label vector).
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final String FLOAT32 = "<f4";
    private static final String INT64 = "<i8";
    private static final int BLOCK_BYTES = 1 << 20;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Writes {@code [rows][cols]} float32 values; all rows must have the same length. */
    public static void writeFloat32(Path file, float[][] rows) throws IOException {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[Math.multiplyExact(rows.length, cols)];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException(file + ": row " + r + " has " + rows[r].length
                        + " values, expected " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        writeFloat32(file, flat, rows.length, cols);
    }

    /** Writes a row-major flat {@code rows x cols} float32 matrix. */
    public static void writeFloat32(Path file, float[] data, int rows, int cols) throws IOException {
        checkSize(file, data.length, rows, cols);
        try (FileChannel channel = openForWrite(file)) {
            writeHeader(channel, FLOAT32, rows, cols);
            ByteBuffer buffer = ByteBuffer.allocate(BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            int pos = 0;
            while (pos < data.length) {
                int count = Math.min(BLOCK_BYTES / Float.BYTES, data.length - pos);
                buffer.clear();
                buffer.asFloatBuffer().put(data, pos, count);
                buffer.limit(count * Float.BYTES);
                writeFully(channel, buffer);
                pos += count;
            }
        }
    }

    /** Writes {@code [rows][cols]} int64 values; all rows must have the same length. */
    public static void writeInt64(Path file, long[][] rows) throws IOException {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        try (FileChannel channel = openForWrite(file)) {
            writeHeader(channel, INT64, rows.length, cols);
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(Long.BYTES, cols * Long.BYTES))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length != cols) {
                    throw new IllegalArgumentException(file + ": row " + r + " has " + rows[r].length
                            + " values, expected " + cols);
                }
                buffer.clear();
                buffer.asLongBuffer().put(rows[r]);
                buffer.limit(cols * Long.BYTES);
                writeFully(channel, buffer);
            }
        }
    }

    /** Reads a float32 matrix. */
    public static float[][] readFloat32(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = readHeader(file, channel, FLOAT32);
            float[][] rows = new float[header.rows][header.cols];
            ByteBuffer buffer = allocateRowBuffer(header.cols * Float.BYTES);
            for (float[] row : rows) {
                readRow(file, channel, buffer, header.cols * Float.BYTES);
                buffer.asFloatBuffer().get(row);
            }
            return rows;
        }
    }

    /** Reads an int64 matrix. */
    public static long[][] readInt64(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = readHeader(file, channel, INT64);
            long[][] rows = new long[header.rows][header.cols];
            ByteBuffer buffer = allocateRowBuffer(header.cols * Long.BYTES);
            for (long[] row : rows) {
                readRow(file, channel, buffer, header.cols * Long.BYTES);
                buffer.asLongBuffer().get(row);
            }
            return rows;
        }
    }

    private static FileChannel openForWrite(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    private static void checkSize(Path file, int length, int rows, int cols) {
        if (rows < 0 || cols < 0 || length != (long) rows * cols) {
            throw new IllegalArgumentException(file + ": " + length + " values cannot form a " + rows + " x " + cols
                    + " matrix");
        }
    }

    private static void writeHeader(FileChannel channel, String descr, int rows, int cols) throws IOException {
        StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
                .append("', 'fortran_order': False, 'shape': (").append(rows).append(", ").append(cols).append("), }");
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        dict.append(" ".repeat((64 - unpadded % 64) % 64)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text).flip();
        writeFully(channel, head);
    }

    private static Header readHeader(Path file, FileChannel channel, String expectedDescr) throws IOException {
        ByteBuffer preamble = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, channel, preamble);
        for (int i = 0; i < MAGIC.length; i++) {
            if (preamble.get(i) != MAGIC[i]) {
                throw new IOException(file + ": not a .npy file (bad magic string)");
            }
        }
        int major = preamble.get(MAGIC.length);
        if (major < 1 || major > 3) {
            throw new IOException(file + ": unsupported .npy format version " + major);
        }
        ByteBuffer lengthField = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, channel, lengthField);
        long headerLength = major == 1 ? Short.toUnsignedInt(lengthField.getShort(0))
                : Integer.toUnsignedLong(lengthField.getInt(0));
        if (headerLength > 1 << 20) {
            throw new IOException(file + ": header length " + headerLength + " is implausible");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(file, channel, headerBytes);
        String header = new String(headerBytes.array(),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = field(file, header, DESCR, "descr");
        if (!descr.equals(expectedDescr)) {
            throw new IOException(file + ": header field 'descr' is '" + descr + "', expected '" + expectedDescr
                    + "'");
        }
        if (field(file, header, FORTRAN, "fortran_order").equals("True")) {
            throw new IOException(file + ": header field 'fortran_order' is True; only C order is supported");
        }
        String[] dims = field(file, header, SHAPE, "shape").split(",");
        long[] shape = new long[dims.length];
        int count = 0;
        for (String dim : dims) {
            if (!dim.isBlank()) {
                try {
                    shape[count++] = Long.parseLong(dim.trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": header field 'shape' holds '" + dim.trim() + "'", e);
                }
            }
        }
        if (count == 1) {
            return new Header(toInt(file, shape[0]), 1);
        }
        if (count != 2) {
            throw new IOException(file + ": header field 'shape' has " + count + " dimensions, expected 2");
        }
        return new Header(toInt(file, shape[0]), toInt(file, shape[1]));
    }

    private static String field(Path file, String header, Pattern pattern, String name) throws IOException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IOException(file + ": header field '" + name + "' is missing or malformed");
        }
        return matcher.group(1);
    }

    private static int toInt(Path file, long dim) throws IOException {
        if (dim < 0 || dim > Integer.MAX_VALUE) {
            throw new IOException(file + ": header field 'shape' holds dimension " + dim + " out of range");
        }
        return (int) dim;
    }

    private static ByteBuffer allocateRowBuffer(int rowBytes) {
        return ByteBuffer.allocate(Math.max(1, rowBytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void readRow(Path file, FileChannel channel, ByteBuffer buffer, int rowBytes) throws IOException {
        buffer.clear();
        buffer.limit(rowBytes);
        readFully(file, channel, buffer);
        buffer.flip();
    }

    private static void readFully(Path file, FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException(file + ": file ends before the data its header declares");
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private record Header(int rows, int cols) {}
}
