package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.SharedFixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compares {@link ClipBpeTokenizer} with ids that open_clip 3.3.0 produced for the shared fixtures. */
class ClipBpeTokenizerFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ClipBpeTokenizer tokenizer;

    @BeforeAll
    static void loadVocabulary() {
        tokenizer = new ClipBpeTokenizer(BpeVocabulary.load(SharedFixtures.bpeVocab()), 77);
    }

    @Test
    void everyFixtureCaseMatchesOpenClip() throws IOException {
        List<String> lines = Files.readAllLines(SharedFixtures.fixture("clip_bpe_cases.jsonl"), StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            texts.add(node.get("text").asText());
            JsonNode ids = node.get("ids");
            long[] row = new long[ids.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = ids.get(i).asLong();
            }
            expected.add(row);
        }
        assertEquals(262, texts.size(), "fixture case count");

        TokenizedBatch batch = tokenizer.encode(texts);
        List<String> mismatches = new ArrayList<>();
        for (int r = 0; r < texts.size(); r++) {
            if (!java.util.Arrays.equals(expected.get(r), batch.ids()[r])) {
                mismatches.add(JSON.writeValueAsString(texts.get(r)) + "\n  expected " + java.util.Arrays.toString(
                        expected.get(r)) + "\n  actual   " + java.util.Arrays.toString(batch.ids()[r]));
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + texts.size() + " cases differ:\n"
                + String.join("\n", mismatches));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-gelu", "tiny-quickgelu-customtext"})
    void fixtureModelCaptionsMatchExpectedInputIds(String model) throws IOException {
        Path dir = SharedFixtures.openClipModel(model);
        List<String> captions = Files.readAllLines(dir.resolve("captions.txt"), StandardCharsets.UTF_8);
        long[][] expected = readInt64Matrix(dir.resolve("expected.safetensors"), "input_ids");
        assertEquals(expected.length, captions.size(), "one caption per row of input_ids");

        TokenizedBatch batch = tokenizer.encode(captions);
        for (int r = 0; r < captions.size(); r++) {
            assertArrayEquals(expected[r], batch.ids()[r], "caption " + r + ": '" + captions.get(r) + "'");
        }
    }

    /** Reads one 2-D I64 tensor from a safetensors file: 8-byte header length, JSON header, little-endian data. */
    private static long[][] readInt64Matrix(Path file, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buffer.getLong(0);
        JsonNode entry = JSON.readTree(new String(bytes, 8, headerLength, StandardCharsets.UTF_8)).get(name);
        assertEquals("I64", entry.get("dtype").asText(), name + " dtype");
        int rows = entry.get("shape").get(0).asInt();
        int cols = entry.get("shape").get(1).asInt();
        long begin = 8L + headerLength + entry.get("data_offsets").get(0).asLong();
        long[][] matrix = new long[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                matrix[r][c] = buffer.getLong((int) (begin + 8L * (r * (long) cols + c)));
            }
        }
        return matrix;
    }
}
