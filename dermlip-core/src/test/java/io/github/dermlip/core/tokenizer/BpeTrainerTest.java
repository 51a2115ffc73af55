package io.github.dermlip.core.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merges learned by {@link BpeTrainer} and the vocabulary they make. */
class BpeTrainerTest {
    private static final List<String> CAPTIONS = List.of(
            "A dermoscopic image of a melanoma.",
            "Clinical photo of a basal cell carcinoma, pearly nodule.",
            "An image of seborrheic keratosis, a skin condition.",
            "Erythematous scaly plaques, consistent with psoriasis vulgaris.",
            "A melanoma with irregular pigment network.",
            "Basal cell carcinoma on the nose of a 70-year-old man.",
            "Psoriasis: well-demarcated plaques on the elbows & knees.",
            "Seborrheic keratosis with a stuck-on appearance.");

    @TempDir
    Path dir;

    @Test
    void learnsMostFrequentPairsFirst() {
        // Words: low x3 = l o w</w>; lower = l o w e r</w>; lowest = l o w e s t</w>.
        // Counts: (l,o)=5, then (lo,w</w>)=3, then (lo,w)=2 and (w,e)=2 tie -> "lo" sorts first, then (low,e)=2;
        // every other pair occurs once.
        BpeVocabulary vocabulary = BpeTrainer.train(List.of("low low low lower lowest"), 100);
        assertEquals(List.of("l o", "lo w</w>", "lo w", "low e"), vocabulary.merges());
        assertEquals(512 + 4 + 2, vocabulary.size());
        assertArrayEquals(new int[] {513}, new ClipBpeTokenizer(vocabulary, 8).tokenize("LOW"));
    }

    @Test
    void trainedVocabularyFitsTheModelAndRoundTrips() throws IOException {
        BpeVocabulary vocabulary = BpeTrainer.train(CAPTIONS, 60);
        assertEquals(60, vocabulary.mergeCount());
        assertEquals(512 + 60 + 2, vocabulary.size());
        assertEquals(vocabulary.size() - 2, vocabulary.sotId());
        assertEquals(vocabulary.size() - 1, vocabulary.eotId());

        ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(vocabulary, 32);
        TokenizedBatch batch = tokenizer.encode(CAPTIONS);
        for (long[] row : batch.ids()) {
            for (long id : row) {
                assertTrue(id >= 0 && id < vocabulary.size(), "id " + id + " outside the vocabulary");
            }
        }
        assertEquals(batch, tokenizer.encode(CAPTIONS), "encoding is deterministic");

        Path file = dir.resolve("trained_bpe.txt.gz");
        vocabulary.writeGzip(file);
        BpeVocabulary loaded = BpeVocabulary.load(file);
        assertEquals(vocabulary.merges(), loaded.merges());
        assertEquals(batch, new ClipBpeTokenizer(loaded, 32).encode(CAPTIONS));
    }

    @Test
    void mergesDependOnlyOnTheTexts() {
        List<String> shuffled = new ArrayList<>(CAPTIONS);
        Collections.shuffle(shuffled, new Random(3));
        assertEquals(BpeTrainer.train(CAPTIONS, 80).merges(), BpeTrainer.train(shuffled, 80).merges());
    }

    @Test
    void stopsWhenNoPairRepeats() {
        BpeVocabulary vocabulary = BpeTrainer.train(List.of("abc xyz"), 100);
        assertEquals(0, vocabulary.mergeCount());
        assertEquals(514, vocabulary.size());
    }

    @Test
    void rejectsMergeCountsOpenClipCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> BpeTrainer.train(CAPTIONS, -1));
        assertThrows(IllegalArgumentException.class, () -> BpeTrainer.train(CAPTIONS, BpeVocabulary.MAX_MERGES + 1));
    }
}
