package io.github.dermlip.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a safetensors file into a {@link StateDict}.
 *
 * <p>The header is validated in full ({@link SafetensorsHeader}) before any tensor data is read; each
 * tensor is then streamed from its own file offset (a long), so files beyond 2 GB work without ever
 * holding the file in one array. F16 and BF16 are widened to float32 exactly.
 */
public final class SafetensorsReader {
    private SafetensorsReader() {}

    /** Reads every tensor and the {@code __metadata__} map of {@code file}. */
    public static StateDict read(Path file) throws IOException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Located located = readHeader(channel, source);
            SafetensorsHeader header = located.header();
            long decoded = 0;
            for (SafetensorsHeader.Entry e : header.entries()) {
                Limits.requireArrayLength(source, "tensor '" + e.name() + "'", e.count());
                decoded += Limits.decodedBytes(e.dtype(), e.count());
            }
            Limits.requireHeap(source, header.entries().size() + " tensor(s)", decoded);

            ElementReader reader = new ElementReader(source, ByteOrder.LITTLE_ENDIAN);
            Map<String, TensorData> tensors = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry e : header.entries()) {
                tensors.put(e.name(), readTensor(channel, reader, located.dataStart(), e));
            }
            return new StateDict(file, tensors, header.metadata());
        }
    }

    /** The name and shape of every tensor of {@code file}, from its header alone (no tensor data is read). */
    public static Map<String, long[]> shapes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Map<String, long[]> shapes = new LinkedHashMap<>();
            for (SafetensorsHeader.Entry e : readHeader(channel, file.toString()).header().entries()) {
                shapes.put(e.name(), e.shape());
            }
            return shapes;
        }
    }

    /** A header and the file offset where the tensor data it describes starts. */
    private record Located(SafetensorsHeader header, long dataStart) {}

    /** The header, validated in full against the file's size. */
    private static Located readHeader(FileChannel channel, String source) throws IOException {
        long fileSize = channel.size();
        ByteBuffer prefix = ByteBuffer.allocate(SafetensorsHeader.PREFIX_BYTES);
        prefix.limit((int) Math.min(SafetensorsHeader.PREFIX_BYTES, fileSize));
        readFully(channel, prefix, 0, source, "header length");
        long headerLength = SafetensorsHeader.headerLength(source, prefix, fileSize);
        ByteBuffer json = ByteBuffer.allocate((int) headerLength);
        readFully(channel, json, SafetensorsHeader.PREFIX_BYTES, source, "header");
        long dataStart = SafetensorsHeader.PREFIX_BYTES + headerLength;
        return new Located(SafetensorsHeader.parse(source, json.array(), fileSize - dataStart), dataStart);
    }

    private static TensorData readTensor(FileChannel channel, ElementReader reader, long dataStart,
                                         SafetensorsHeader.Entry e) throws IOException {
        channel.position(dataStart + e.begin());
        int count = (int) e.count();
        String what = "tensor '" + e.name() + "' at file offset " + (dataStart + e.begin());
        if (e.dtype().isFloating()) {
            return TensorData.wrapFloats(e.dtype(), e.shape(), reader.readFloats(channel, e.dtype(), count, what));
        }
        return TensorData.wrapLongs(e.dtype(), e.shape(), reader.readLongs(channel, e.dtype(), count, what));
    }

    private static void readFully(FileChannel channel, ByteBuffer dst, long position, String source, String what)
            throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new CheckpointFormatException(source, "file ends inside the " + what + " at byte " + at);
            }
            at += n;
        }
    }
}
