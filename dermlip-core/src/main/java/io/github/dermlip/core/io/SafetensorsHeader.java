package io.github.dermlip.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated JSON header of a safetensors file: where each tensor lies in the data section, and the
 * {@code __metadata__} map.
 *
 * <p>Nothing in the header is trusted: the length prefix must lie within the file and under
 * {@link #MAX_HEADER_BYTES}; each entry must have the right JSON types, a supported dtype, and offsets
 * inside the data section whose span equals dtype size times element count; the tensors must tile the
 * data section exactly (no overlap, no gap, nothing after the last one), as the reference implementation
 * requires. All offsets are longs, so files beyond 2 GB (or 4 GB) are described correctly.
 */
final class SafetensorsHeader {
    /** Largest header accepted, as in the reference implementation. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /** Bytes of the little-endian header length prefix. */
    static final int PREFIX_BYTES = 8;
    static final String METADATA_KEY = "__metadata__";

    /** Tensor names are not interned: a hostile header of a million names would spend seconds in String.intern. */
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One tensor's place in the data section: bytes {@code [begin, end)} relative to its start. */
    record Entry(String name, DType dtype, long[] shape, long begin, long end) {
        /** A copy of the shape. */
        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** Number of elements. */
        long count() {
            return (end - begin) / dtype.byteSize();
        }
    }

    private final List<Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsHeader(List<Entry> entries, Map<String, String> metadata) {
        this.entries = Collections.unmodifiableList(entries);
        this.metadata = Collections.unmodifiableMap(metadata);
    }

    /** Tensors in header order. */
    List<Entry> entries() {
        return entries;
    }

    /** The {@code __metadata__} map (empty when absent). */
    Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Reads the header length from the first 8 bytes of a file of {@code fileSize} bytes and checks that the
     * header lies inside the file.
     */
    static long headerLength(String source, ByteBuffer prefix, long fileSize) throws CheckpointFormatException {
        if (fileSize < PREFIX_BYTES) {
            throw new CheckpointFormatException(source, "file of " + fileSize
                    + " bytes is too short to hold the 8-byte safetensors header length");
        }
        long n = prefix.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new CheckpointFormatException(source, "header length " + Long.toUnsignedString(n)
                    + " (bytes 0-7) exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        if (n > fileSize - PREFIX_BYTES) {
            throw new CheckpointFormatException(source, "header length " + n
                    + " (bytes 0-7) runs past the end of the file (" + fileSize + " bytes)");
        }
        if (n < 2) {
            throw new CheckpointFormatException(source, "header length " + n + " (bytes 0-7) is too short for a JSON object");
        }
        return n;
    }

    /** Parses and validates header JSON for a data section of {@code dataLength} bytes. */
    static SafetensorsHeader parse(String source, byte[] json, long dataLength) throws CheckpointFormatException {
        if (json.length == 0 || json[0] != '{') {
            throw new CheckpointFormatException(source, "header does not start with '{' (byte 8): not a JSON object");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at header byte " + e.getLocation().getByteOffset();
            throw new CheckpointFormatException(source, "malformed header JSON: " + e.getOriginalMessage() + at, e);
        } catch (IOException e) {
            throw new CheckpointFormatException(source, "unreadable header JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointFormatException(source, "header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(METADATA_KEY)) {
                readMetadata(source, field.getValue(), metadata);
            } else {
                entries.add(readEntry(source, field.getKey(), field.getValue(), dataLength));
            }
        }
        checkTiling(source, entries, dataLength);
        return new SafetensorsHeader(entries, metadata);
    }

    private static void readMetadata(String source, JsonNode node, Map<String, String> out) throws CheckpointFormatException {
        if (!node.isObject()) {
            throw new CheckpointFormatException(source, METADATA_KEY + " must be a JSON object of strings, found "
                    + node.getNodeType());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new CheckpointFormatException(source, METADATA_KEY + "." + e.getKey()
                        + " must be a string, found " + e.getValue().getNodeType());
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
    }

    private static Entry readEntry(String source, String name, JsonNode node, long dataLength) throws CheckpointFormatException {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new CheckpointFormatException(source, where + " must be a JSON object, found " + node.getNodeType());
        }
        JsonNode dtypeNode = require(source, where, node, "dtype");
        if (!dtypeNode.isTextual()) {
            throw new CheckpointFormatException(source, where + ": dtype must be a string, found " + dtypeNode.getNodeType());
        }
        DType dtype = DType.fromSafetensorsName(dtypeNode.textValue()).orElseThrow(() -> new CheckpointFormatException(
                source, where + ": unsupported dtype '" + dtypeNode.textValue() + "' (supported: "
                        + Arrays.toString(DType.values()) + ")"));
        long[] shape = longArray(source, where + ": shape", require(source, where, node, "shape"));
        long[] offsets = longArray(source, where + ": data_offsets", require(source, where, node, "data_offsets"));
        if (offsets.length != 2) {
            throw new CheckpointFormatException(source, where + ": data_offsets must hold 2 numbers [begin, end], found "
                    + offsets.length);
        }
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end) {
            throw new CheckpointFormatException(source, where + ": data_offsets begin " + begin + " is after end " + end);
        }
        if (end > dataLength) {
            throw new CheckpointFormatException(source, where + ": data_offsets end " + end
                    + " lies beyond the data section of " + dataLength + " bytes");
        }
        long count = Limits.elementCount(source, where, shape);
        long bytes = Limits.multiply(source, where + ": byte count of shape " + Arrays.toString(shape), count, dtype.byteSize());
        if (bytes != end - begin) {
            throw new CheckpointFormatException(source, where + ": data_offsets [" + begin + ", " + end + ") span "
                    + (end - begin) + " bytes but " + dtype + " shape " + Arrays.toString(shape) + " needs " + bytes);
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static JsonNode require(String source, String where, JsonNode node, String field) throws CheckpointFormatException {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new CheckpointFormatException(source, where + ": missing field '" + field + "'");
        }
        return value;
    }

    private static long[] longArray(String source, String where, JsonNode node) throws CheckpointFormatException {
        if (!node.isArray()) {
            throw new CheckpointFormatException(source, where + " must be a JSON array, found " + node.getNodeType());
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
                throw new CheckpointFormatException(source, where + "[" + i + "] must be a non-negative 64-bit integer, found "
                        + (v.isNumber() ? v.asText() : v.getNodeType().toString()));
            }
            out[i] = v.longValue();
        }
        return out;
    }

    /** The tensors, sorted by offset, must cover {@code [0, dataLength)} exactly once. */
    private static void checkTiling(String source, List<Entry> entries, long dataLength) throws CheckpointFormatException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry previous = null;
        for (Entry e : byOffset) {
            if (e.begin() < covered) {
                throw new CheckpointFormatException(source, "tensor '" + e.name() + "' [" + e.begin() + ", " + e.end()
                        + ") overlaps tensor '" + previous.name() + "' [" + previous.begin() + ", " + previous.end() + ")");
            }
            if (e.begin() > covered) {
                throw new CheckpointFormatException(source, "gap in the data section: bytes [" + covered + ", " + e.begin()
                        + ") before tensor '" + e.name() + "' belong to no tensor");
            }
            covered = e.end();
            previous = e;
        }
        if (covered != dataLength) {
            throw new CheckpointFormatException(source, "data section holds " + dataLength
                    + " bytes but the tensors cover only the first " + covered + ": trailing bytes after the last tensor");
        }
    }
}
