package io.github.dermlip.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * Streams raw elements of a checkpoint dtype from a channel into a float32 or int64 array, chunk by chunk,
 * so no byte array the size of a tensor (or of the file) is ever held. The static decoders widen raw bytes
 * already in memory.
 */
final class ElementReader {
    /** Chunk size: a multiple of every element size. */
    private static final int CHUNK_BYTES = 1 << 20;

    private final ByteBuffer chunk;
    private final String source;

    ElementReader(String source, ByteOrder order) {
        this.source = source;
        this.chunk = ByteBuffer.allocate(CHUNK_BYTES).order(order);
    }

    /** Reads {@code count} elements of a floating {@code dtype} and widens them to float32. */
    float[] readFloats(ReadableByteChannel in, DType dtype, int count, String what) throws IOException {
        float[] out = new float[count];
        int done = 0;
        while (done < count) {
            int n = fill(in, dtype, count - done, done, count, what);
            decodeFloats(dtype, chunk, n, out, done);
            done += n;
        }
        return out;
    }

    /** Reads {@code count} elements of an integer or boolean {@code dtype} and widens them to int64. */
    long[] readLongs(ReadableByteChannel in, DType dtype, int count, String what) throws IOException {
        long[] out = new long[count];
        int done = 0;
        while (done < count) {
            int n = fill(in, dtype, count - done, done, count, what);
            decodeLongs(dtype, chunk, n, out, done);
            done += n;
        }
        return out;
    }

    /** Fills the chunk with up to {@code remaining} whole elements; returns how many it holds. */
    private int fill(ReadableByteChannel in, DType dtype, int remaining, int done, int count, String what) throws IOException {
        int size = dtype.byteSize();
        int elements = Math.min(remaining, CHUNK_BYTES / size);
        chunk.clear().limit(elements * size);
        while (chunk.hasRemaining()) {
            if (in.read(chunk) < 0) {
                long got = (long) done * size + chunk.position();
                throw new CheckpointFormatException(source, what + ": data ends after " + got + " of "
                        + (long) count * size + " bytes");
            }
        }
        chunk.flip();
        return elements;
    }

    /** Widens {@code n} elements of a floating dtype, stored from index 0 of {@code src} in its byte order, into {@code out[at..]}. */
    static void decodeFloats(DType dtype, ByteBuffer src, int n, float[] out, int at) {
        switch (dtype) {
            case F32:
                src.asFloatBuffer().get(out, at, n);
                break;
            case F64:
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) src.getDouble(i * Double.BYTES);
                }
                break;
            case F16:
                for (int i = 0; i < n; i++) {
                    out[at + i] = HalfPrecision.halfToFloat(src.getShort(i * Short.BYTES));
                }
                break;
            case BF16:
                for (int i = 0; i < n; i++) {
                    out[at + i] = HalfPrecision.bfloat16ToFloat(src.getShort(i * Short.BYTES));
                }
                break;
            default:
                throw new IllegalArgumentException(dtype + " is not a floating dtype");
        }
    }

    /** Widens {@code n} elements of an integer dtype, stored from index 0 of {@code src} in its byte order, into {@code out[at..]}. */
    static void decodeLongs(DType dtype, ByteBuffer src, int n, long[] out, int at) {
        switch (dtype) {
            case I64:
                src.asLongBuffer().get(out, at, n);
                break;
            case I32:
                for (int i = 0; i < n; i++) {
                    out[at + i] = src.getInt(i * Integer.BYTES);
                }
                break;
            case I16:
                for (int i = 0; i < n; i++) {
                    out[at + i] = src.getShort(i * Short.BYTES);
                }
                break;
            case I8:
                for (int i = 0; i < n; i++) {
                    out[at + i] = src.get(i);
                }
                break;
            case U8:
                for (int i = 0; i < n; i++) {
                    out[at + i] = src.get(i) & 0xFF;
                }
                break;
            case BOOL:
                for (int i = 0; i < n; i++) {
                    out[at + i] = src.get(i) != 0 ? 1 : 0;
                }
                break;
            default:
                throw new IllegalArgumentException(dtype + " is not an integer dtype");
        }
    }
}
