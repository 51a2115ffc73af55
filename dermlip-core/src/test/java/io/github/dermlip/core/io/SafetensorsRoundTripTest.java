package io.github.dermlip.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsRoundTripTest {
    @TempDir
    Path tmp;

    private static Map<String, TensorData> sample() {
        Map<String, TensorData> m = new LinkedHashMap<>();
        m.put("visual.proj", TensorData.ofFloats(new long[] {2, 3},
                new float[] {1.5f, -0.0f, Float.NaN, Float.intBitsToFloat(0x7FC0_1234), Float.MIN_VALUE, Float.NEGATIVE_INFINITY}));
        m.put("logit_scale", TensorData.ofFloats(new long[] {}, new float[] {2.6592f}));
        m.put("empty", TensorData.ofFloats(new long[] {0, 4}, new float[0]));
        m.put("input_ids", TensorData.ofLongs(new long[] {2, 2}, new long[] {49406, Long.MIN_VALUE, -1, Long.MAX_VALUE}));
        m.put("\u00e9t\u00e9", TensorData.ofFloats(new long[] {1}, new float[] {3}));
        return m;
    }

    @Test
    void roundTripIsBitwiseWithMetadata() throws IOException {
        Path file = tmp.resolve("model.safetensors");
        Map<String, TensorData> in = sample();
        SafetensorsWriter.write(file, in, Map.of("format", "pt", "note", "x"));
        StateDict out = StateDict.read(file);
        assertEquals(Map.of("format", "pt", "note", "x"), out.metadata());
        assertEquals(in.keySet(), out.names());
        for (String name : in.keySet()) {
            TensorData a = in.get(name);
            TensorData b = out.get(name);
            assertEquals(a.dtype(), b.dtype(), name);
            assertArrayEquals(a.shape(), b.shape(), name);
            if (a.isFloating()) {
                assertArrayEquals(CheckpointFixturesTest.rawBits(a.floats()), CheckpointFixturesTest.rawBits(b.floats()), name);
            } else {
                assertArrayEquals(a.longs(), b.longs(), name);
            }
            assertEquals(a, b, name);
        }
    }

    @Test
    void headerIsAlignedSortedAndTightlyPacked() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SafetensorsWriter.writeTo(buf, sample(), SafetensorsWriter.PT_FORMAT);
        byte[] bytes = buf.toByteArray();
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "header length is a multiple of 8");
        assertEquals(0, (8 + n) % 8, "data section starts 8-aligned");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        String json = header.stripTrailing();
        assertTrue(header.length() - json.length() < 8, "padding is fewer than 8 spaces");
        assertTrue(header.substring(json.length()).chars().allMatch(c -> c == ' '), "padding is spaces");
        assertTrue(json.startsWith("{\"__metadata__\":{\"format\":\"pt\"},"), json);
        assertFalse(json.contains(" "), "compact JSON");

        JsonNode root = new ObjectMapper().readTree(json);
        List<String> order = new ArrayList<>();
        root.fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("__metadata__", "empty", "input_ids", "logit_scale", "visual.proj", "\u00e9t\u00e9"), order);
        long expectedOffset = 0;
        for (String name : order.subList(1, order.size())) {
            JsonNode e = root.get(name);
            assertEquals(expectedOffset, e.get("data_offsets").get(0).longValue(), name);
            expectedOffset = e.get("data_offsets").get(1).longValue();
        }
        assertEquals("I64", root.get("input_ids").get("dtype").textValue());
        assertEquals("F32", root.get("visual.proj").get("dtype").textValue());
        assertEquals("[]", root.get("logit_scale").get("shape").toString());
        assertEquals(8 + n + expectedOffset, bytes.length, "data section ends with the last tensor");
        // The first tensor in sorted order with data is input_ids: 49406 little-endian right after the header.
        assertEquals(49406L, ByteBuffer.wrap(bytes, (int) (8 + n), 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    @Test
    void headerBytesMatchTheReferenceLayoutExactly() throws IOException {
        Map<String, TensorData> m = Map.of("b", TensorData.ofLongs(new long[] {1}, new long[] {7}),
                "a", TensorData.ofFloats(new long[] {2}, new float[] {1, 2}));
        String expected = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
        byte[] header = SafetensorsWriter.header(m, Map.of());
        int pad = (8 - expected.length() % 8) % 8;
        assertEquals(expected + " ".repeat(pad), new String(header, StandardCharsets.UTF_8));
    }

    @Test
    void widerSourceDtypesAreWrittenAsF32AndI64() throws IOException {
        Path src = tmp.resolve("mixed.safetensors");
        Files.write(src, SafetensorsBytes.of("{\"h\":{\"dtype\":\"F16\",\"shape\":[1],\"data_offsets\":[0,2]},"
                + "\"b\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[2,4]}}", new byte[] {0x00, 0x3C, 1, 0}));
        StateDict in = StateDict.read(src);
        Path dst = tmp.resolve("widened.safetensors");
        SafetensorsWriter.write(dst, in.asMap());
        StateDict out = StateDict.read(dst);
        assertEquals(DType.F32, out.get("h").dtype());
        assertEquals(DType.I64, out.get("b").dtype());
        assertArrayEquals(new float[] {1.0f}, out.get("h").floats());
        assertArrayEquals(new long[] {1, 0}, out.get("b").longs());
        assertEquals(SafetensorsWriter.PT_FORMAT, out.metadata());
    }

    @Test
    void atomicWriteReplacesAndLeavesNoTemporaryFiles() throws IOException {
        Path file = tmp.resolve("ckpt.safetensors");
        SafetensorsWriter.write(file, Map.of("x", TensorData.ofFloats(new long[] {1}, new float[] {1})));
        SafetensorsWriter.write(file, Map.of("x", TensorData.ofFloats(new long[] {1}, new float[] {2})));
        assertArrayEquals(new float[] {2}, StateDict.read(file).get("x").floats());
        assertEquals(List.of(file), listDir());
    }

    @Test
    void failedAtomicWriteKeepsTheOldFileAndCleansUp() throws IOException {
        Path file = tmp.resolve("state.json");
        AtomicFiles.write(file, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));
        IOException boom = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", boom.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), listDir());
    }

    @Test
    void atomicWriteToleratesConsumersThatCloseTheStream() throws IOException {
        Path file = tmp.resolve("config.json");
        AtomicFiles.write(file, out -> new ObjectMapper().writeValue(out, Map.of("epoch", 3)));
        assertEquals("{\"epoch\":3}", Files.readString(file));
    }

    @Test
    void metadataKeyIsNotATensorName() {
        assertThrows(IllegalArgumentException.class, () -> SafetensorsWriter.write(tmp.resolve("x.safetensors"),
                Map.of("__metadata__", TensorData.ofFloats(new long[] {1}, new float[] {1}))));
    }

    private List<Path> listDir() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.sorted().collect(Collectors.toList());
        }
    }
}
