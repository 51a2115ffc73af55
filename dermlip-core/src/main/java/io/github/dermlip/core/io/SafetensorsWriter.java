package io.github.dermlip.core.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes tensors in the safetensors format, readable by Python {@code safetensors} and open_clip.
 *
 * <p>Floating tensors are written as F32 and integer/boolean tensors as I64 (the values {@link TensorData}
 * holds). As in the reference implementation the compact JSON header lists {@code __metadata__} first, is
 * padded with spaces to a multiple of 8 bytes, and the tensors follow in sorted name order (byte-wise UTF-8),
 * tightly packed. Files are written through {@link AtomicFiles}.
 */
public final class SafetensorsWriter {
    /** The metadata PyTorch-origin files carry, {@code {"format": "pt"}}. */
    public static final Map<String, String> PT_FORMAT = Map.of("format", "pt");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ALIGNMENT = 8;
    private static final int CHUNK_BYTES = 1 << 20;

    private SafetensorsWriter() {}

    /** Atomically writes {@code tensors} to {@code file} with metadata {@link #PT_FORMAT}. */
    public static void write(Path file, Map<String, TensorData> tensors) throws IOException {
        write(file, tensors, PT_FORMAT);
    }

    /** Atomically writes {@code tensors} to {@code file}; {@code metadata} may be empty (then no {@code __metadata__}). */
    public static void write(Path file, Map<String, TensorData> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(file, out -> writeTo(out, header, tensors));
    }

    /** Writes {@code tensors} in safetensors format to a stream (which is not closed). */
    public static void writeTo(OutputStream out, Map<String, TensorData> tensors, Map<String, String> metadata)
            throws IOException {
        writeTo(out, header(tensors, metadata), tensors);
    }

    private static void writeTo(OutputStream out, byte[] header, Map<String, TensorData> tensors) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putLong(header.length);
        out.write(chunk.array(), 0, Long.BYTES);
        out.write(header);
        for (String name : sortedNames(tensors)) {
            TensorData t = tensors.get(name);
            if (t.isFloating()) {
                writeFloats(out, chunk, t.floatBuffer());
            } else {
                writeLongs(out, chunk, t.longBuffer());
            }
        }
    }

    private static void writeFloats(OutputStream out, ByteBuffer chunk, FloatBuffer src) throws IOException {
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), CHUNK_BYTES / Float.BYTES);
            chunk.clear();
            chunk.asFloatBuffer().put(src.slice().limit(n));
            src.position(src.position() + n);
            out.write(chunk.array(), 0, n * Float.BYTES);
        }
    }

    private static void writeLongs(OutputStream out, ByteBuffer chunk, LongBuffer src) throws IOException {
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), CHUNK_BYTES / Long.BYTES);
            chunk.clear();
            chunk.asLongBuffer().put(src.slice().limit(n));
            src.position(src.position() + n);
            out.write(chunk.array(), 0, n * Long.BYTES);
        }
    }

    /** The JSON header, space-padded to a multiple of 8 bytes. */
    static byte[] header(Map<String, TensorData> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(SafetensorsHeader.METADATA_KEY);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (String name : sortedNames(tensors)) {
            if (name.equals(SafetensorsHeader.METADATA_KEY)) {
                throw new IllegalArgumentException("a tensor cannot be called " + SafetensorsHeader.METADATA_KEY);
            }
            TensorData t = tensors.get(name);
            long bytes = (long) t.numel() * (t.isFloating() ? Float.BYTES : Long.BYTES);
            ObjectNode entry = root.putObject(name);
            entry.put("dtype", t.isFloating() ? DType.F32.safetensorsName() : DType.I64.safetensorsName());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(root);
        int padded = (json.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        byte[] header = Arrays.copyOf(json, padded);
        Arrays.fill(header, json.length, padded, (byte) ' ');
        return header;
    }

    /** Tensor names sorted by their UTF-8 bytes, as Rust's string ordering does. */
    private static List<String> sortedNames(Map<String, TensorData> tensors) {
        List<String> names = new ArrayList<>(tensors.keySet());
        names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        return names;
    }
}
