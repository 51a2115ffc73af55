package io.github.dermlip.core.hfclip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import io.github.dermlip.core.tokenizer.VocabularyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slow CLIPTokenizer of transformers 4.33.3 on the fixture's captions, from each form of tokenizer files. */
class ClipTokenizerFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path folder() {
        return SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu");
    }

    @Test
    void vocabAndMergesGiveTransformersIdsAndMask() throws IOException {
        assertMatchesFixture(ClipTokenizerFiles.read(folder(), 77));
    }

    @Test
    void tokenizerJsonAloneGivesTheSameIds(@TempDir Path dir) throws IOException {
        copy(dir, ClipTokenizerFiles.TOKENIZER_FILE, ClipTokenizerFiles.TOKENIZER_CONFIG_FILE,
                ClipTokenizerFiles.SPECIAL_TOKENS_FILE);
        assertMatchesFixture(ClipTokenizerFiles.read(dir, 77));
    }

    /** tokenizers 0.23 writes merges as ["a", "b"] pairs when it saves a tokenizer.json again. */
    @Test
    void tokenizerJsonWithMergePairsGivesTheSameIds(@TempDir Path dir) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(folder().resolve(ClipTokenizerFiles.TOKENIZER_FILE).toFile());
        ArrayNode pairs = JSON.createArrayNode();
        root.path("model").get("merges").forEach(m -> pairs.add(JSON.valueToTree(m.asText().split(" "))));
        ((ObjectNode) root.get("model")).set("merges", pairs);
        JSON.writeValue(dir.resolve(ClipTokenizerFiles.TOKENIZER_FILE).toFile(), root);
        assertMatchesFixture(ClipTokenizerFiles.read(dir, 77));
    }

    @Test
    void aPadTokenOfTheFilesIsUsed(@TempDir Path dir) throws IOException {
        copy(dir, ClipTokenizerFiles.VOCAB_FILE, ClipTokenizerFiles.MERGES_FILE);
        Files.writeString(dir.resolve(ClipTokenizerFiles.SPECIAL_TOKENS_FILE), "{\"pad_token\": \"!\"}");
        long[] row = ClipTokenizerFiles.read(dir, 77).encode(List.of("nevus")).ids()[0];
        assertEquals(49407, row[3]);
        assertEquals(0, row[4], "'!' is id 0");
    }

    @Test
    void vocabularyInAnotherNumberingIsRefusedByToken(@TempDir Path dir) throws IOException {
        copy(dir, ClipTokenizerFiles.MERGES_FILE);
        ObjectNode vocab = (ObjectNode) JSON.readTree(folder().resolve(ClipTokenizerFiles.VOCAB_FILE).toFile());
        vocab.put("a", 5);
        vocab.put("&", 97);
        JSON.writeValue(dir.resolve(ClipTokenizerFiles.VOCAB_FILE).toFile(), vocab);
        VocabularyException e = assertThrows(VocabularyException.class, () -> ClipTokenizerFiles.read(dir, 77));
        assertTrue(e.getMessage().contains(dir.resolve(ClipTokenizerFiles.VOCAB_FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("\"&\"") || e.getMessage().contains("\"a\""), e.getMessage());
    }

    @Test
    void anotherEosTokenIsRefusedNamingFileAndField(@TempDir Path dir) throws IOException {
        copy(dir, ClipTokenizerFiles.VOCAB_FILE, ClipTokenizerFiles.MERGES_FILE);
        Path config = dir.resolve(ClipTokenizerFiles.TOKENIZER_CONFIG_FILE);
        Files.writeString(config, "{\"eos_token\": {\"content\": \"</s>\"}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ClipTokenizerFiles.read(dir, 77));
        assertTrue(e.getMessage().startsWith(config + ": field 'eos_token'"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed(@TempDir Path dir) {
        VocabularyException e = assertThrows(VocabularyException.class, () -> ClipTokenizerFiles.read(dir, 77));
        assertTrue(e.getMessage().contains("vocab.json") && e.getMessage().contains("tokenizer.json"), e.getMessage());
    }

    private static void assertMatchesFixture(ClipBpeTokenizer tokenizer) throws IOException {
        List<String> captions = Files.readAllLines(folder().resolve("captions.txt"), StandardCharsets.UTF_8);
        StateDict expected = StateDict.read(folder().resolve("expected.safetensors"));
        TokenizedBatch batch = tokenizer.encode(captions);
        assertEquals(8, batch.batchSize());
        assertArrayEquals(expected.get("input_ids").longs(), batch.flatIds());
        assertArrayEquals(expected.get("attention_mask").longs(), batch.flatAttentionMask());
        TensorData pooled = expected.get("text_pooled_position");
        for (int r = 0; r < batch.batchSize(); r++) {
            assertEquals(pooled.longs()[r], batch.eotIndex()[r], "pooling position of caption " + r);
        }
    }

    private static void copy(Path dir, String... names) throws IOException {
        for (String name : names) {
            Files.copy(folder().resolve(name), dir.resolve(name));
        }
    }
}
