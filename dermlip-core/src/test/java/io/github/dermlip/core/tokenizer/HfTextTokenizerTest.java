package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HfTextTokenizer} over a tiny WordPiece BERT tokenizer written by the test. */
class HfTextTokenizerTest {
    private static final String TOKENIZER_JSON = """
            {
              "version": "1.0",
              "truncation": null,
              "padding": null,
              "added_tokens": [
                {"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 1, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 2, "content": "[CLS]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
                {"id": 3, "content": "[SEP]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
              ],
              "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                             "strip_accents": null, "lowercase": true},
              "pre_tokenizer": {"type": "BertPreTokenizer"},
              "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
              "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
              "model": {
                "type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                "max_input_chars_per_word": 100,
                "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "skin": 4, "lesion": 5, "mel": 6,
                          "##anoma": 7, "a": 8, "of": 9, ",": 10, ".": 11, "&": 12}
              }
            }
            """;

    @TempDir
    Path dir;
    private Path file;

    @BeforeEach
    void writeTokenizer() throws IOException {
        file = Files.writeString(dir.resolve("tokenizer.json"), TOKENIZER_JSON);
    }

    @Test
    void padsTruncatesAndMasks() {
        try (HfTextTokenizer tokenizer = HfTextTokenizer.fromFile(file, 8)) {
            TokenizedBatch batch = tokenizer.encode(List.of(
                    "A melanoma of skin.",
                    "  Skin\t LESION &amp; nevus ",
                    "skin lesion skin lesion skin lesion skin lesion",
                    ""));
            assertEquals(8, tokenizer.contextLength());
            assertArrayEquals(new long[] {2, 8, 6, 7, 9, 4, 11, 3}, batch.ids()[0]);
            assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 1, 1}, batch.attentionMask()[0]);
            // open_clip's whitespace cleaning unescapes &amp; before BERT sees it; "nevus" is unknown.
            assertArrayEquals(new long[] {2, 4, 5, 12, 1, 3, 0, 0}, batch.ids()[1]);
            assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 0, 0}, batch.attentionMask()[1]);
            assertArrayEquals(new long[] {2, 4, 5, 4, 5, 4, 5, 3}, batch.ids()[2]);
            assertArrayEquals(new long[] {2, 3, 0, 0, 0, 0, 0, 0}, batch.ids()[3]);
            assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0, 0, 0}, batch.attentionMask()[3]);
            assertArrayEquals(new int[] {7, 5, 7, 1}, batch.eotIndex());
            assertEquals(8, batch.maxLength());
        }
    }

    @Test
    void readsTokenizerJsonFromItsDirectory() {
        try (HfTextTokenizer tokenizer = HfTextTokenizer.fromFile(dir, 4)) {
            TokenizedBatch batch = tokenizer.encode(List.of("skin"));
            assertArrayEquals(new long[] {2, 4, 3, 0}, batch.ids()[0]);
            assertEquals(3, batch.maxLength());
        }
    }

    @Test
    void missingFileIsRefusedWithoutDownloading() {
        Path missing = dir.resolve("absent").resolve("tokenizer.json");
        VocabularyException e = assertThrows(VocabularyException.class, () -> HfTextTokenizer.fromFile(missing, 8));
        assertEquals(true, e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
