package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.dermlip.core.SharedFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Row layout, masks, truncation and thread safety of {@link ClipBpeTokenizer}. */
class ClipBpeTokenizerTest {
    private static BpeVocabulary clip;

    @BeforeAll
    static void loadVocabulary() {
        clip = BpeVocabulary.load(SharedFixtures.bpeVocab());
    }

    @Test
    void rowIsStartTokensEndThenPadding() {
        // A vocabulary without merges: every byte is its own symbol, so the ids follow from bytes_to_unicode alone.
        BpeVocabulary bytesOnly = BpeVocabulary.fromMerges(List.of(), "no merges");
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(bytesOnly, 8);
        TokenizedBatch batch = tokenizer.encode(List.of("!?", ""));

        // '!' is byte-alphabet entry 0, so id 0 is a real token here; '?' ends the word: 256 + ('?' - '!').
        assertArrayEquals(new long[] {512, 0, 286, 513, 0, 0, 0, 0}, batch.ids()[0]);
        assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0, 0, 0}, batch.attentionMask()[0]);
        assertArrayEquals(new long[] {512, 513, 0, 0, 0, 0, 0, 0}, batch.ids()[1]);
        assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0, 0, 0}, batch.attentionMask()[1]);
        assertArrayEquals(new int[] {3, 1}, batch.eotIndex());
        assertEquals(4, batch.maxLength());
        assertEquals(2, batch.batchSize());
        assertEquals(8, batch.contextLength());
        assertArrayEquals(new long[] {512, 0, 286, 513, 0, 0, 0, 0, 512, 513, 0, 0, 0, 0, 0, 0}, batch.flatIds());
    }

    @Test
    void longTextIsCutWithEndTokenLast() {
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(clip, 6);
        // "a" is 320 and "photo" is 1125 in CLIP's vocabulary.
        TokenizedBatch batch = tokenizer.encode(List.of("a photo a photo a photo"));
        assertArrayEquals(new long[] {49406, 320, 1125, 320, 1125, 49407}, batch.ids()[0]);
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1}, batch.attentionMask()[0]);
        assertEquals(5, batch.eotIndex()[0]);

        TokenizedBatch minimal = new ClipBpeTokenizer(clip, 2).encode(List.of("a photo"));
        assertArrayEquals(new long[] {49406, 49407}, minimal.ids()[0]);
        assertArrayEquals(new int[] {320, 1125, 320, 1125, 320, 1125}, tokenizer.tokenize("a photo a photo a photo"));
    }

    @Test
    void literalEndOfTextBecomesTheTokenAndPoolingPosition() {
        TokenizedBatch batch = new ClipBpeTokenizer(clip, 10).encode(List.of("<end_of_text> melanoma"));
        // open_clip: [SOT, EOT (the literal), "melanoma", EOT]; argmax picks the first EOT.
        assertArrayEquals(new long[] {49406, 49407, 40862, 49407, 0, 0, 0, 0, 0, 0}, batch.ids()[0]);
        assertEquals(1, batch.eotIndex()[0]);
        assertEquals(4, java.util.Arrays.stream(batch.attentionMask()[0]).sum());
    }

    @Test
    void matchesOpenClipWhereFtfyAndPythonQuirksMatter() {
        // Ids from open_clip 3.3.0's SimpleTokenizer.encode with ftfy 6.3.1 and regex installed.
        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(clip, 77);
        assertArrayEquals(new int[] {518, 6262, 568, 534, 1015}, tokenizer.tokenize("the patient\u2019s lesion"));
        assertArrayEquals(new int[] {585, 568}, tokenizer.tokenize("it\u02BCs"));
        assertArrayEquals(new int[] {7464}, tokenizer.tokenize("\uFF2C\uFF2F\uFF35\uFF24"));
        assertArrayEquals(new int[] {43167, 15192}, tokenizer.tokenize("P&EACUTE;REZ"));
        assertArrayEquals(new int[] {36307}, tokenizer.tokenize("\uFB01brosis"));
        assertArrayEquals(new int[] {15304}, tokenizer.tokenize("cafe\u0301"));
        assertArrayEquals(new int[] {139, 225, 138, 109, 139, 480, 274}, tokenizer.tokenize("\u03A3\u0391\u03A33"));
        // U+0345 matches no alternative of CLIP's pattern under IGNORECASE, so it separates words and vanishes.
        assertArrayEquals(new int[] {343, 344}, tokenizer.tokenize("x\u0345y"));
    }

    @Test
    void rejectsContextShorterThanTwo() {
        assertThrows(IllegalArgumentException.class, () -> new ClipBpeTokenizer(clip, 1));
    }

    @Test
    void concurrentEncodingGivesTheSameIds() throws Exception {
        List<String> texts = new ArrayList<>();
        String[] words = {"melanoma", "nevus", "basal", "cell", "carcinoma", "scaly", "plaque", "erythematous",
            "patient's", "3.5mm", "Fitzpatrick", "IV", "caf\u00E9", "\u76AE\u80A4", "&amp;", "lesion,"};
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0, n = 1 + random.nextInt(30); k < n; k++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(9) + 1).append(' ');
            }
            texts.add(text.toString());
        }
        TokenizedBatch expected = new ClipBpeTokenizer(clip, 77).encode(texts);

        // A small memo so that threads also race on emptying it.
        ClipBpeTokenizer shared = new ClipBpeTokenizer(clip, 77, TextCleaner.LOWER, 64);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<TokenizedBatch>> results = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                List<String> shuffled = new ArrayList<>(texts);
                Collections.shuffle(shuffled, new Random(t));
                results.add(pool.submit(() -> {
                    shared.encode(shuffled);
                    return shared.encode(texts);
                }));
            }
            for (Future<TokenizedBatch> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
