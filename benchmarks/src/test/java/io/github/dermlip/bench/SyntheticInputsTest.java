package io.github.dermlip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Synthetic captions have every length from 10 to 40 and are laid out as tokenized text. */
class SyntheticInputsTest {

    @Test
    void lengthsCoverTenToFortyInAnyThirtyOneCaptions() {
        for (int start : new int[] {0, 5, 100}) {
            Set<Integer> lengths = new TreeSet<>();
            for (int i = start; i < start + 31; i++) {
                lengths.add(SyntheticInputs.captionLength(i));
            }
            assertEquals(31, lengths.size());
            assertEquals(10, ((TreeSet<Integer>) lengths).first());
            assertEquals(40, ((TreeSet<Integer>) lengths).last());
        }
        assertEquals(40, SyntheticInputs.longestCaption(64));
        assertEquals(27, SyntheticInputs.longestCaption(2)); // lengths 10 and 27
    }

    @Test
    void rowsStartWithSotEndWithEotAndArePaddedWithZeros() {
        int context = 77;
        int vocab = 500;
        long[] ids = SyntheticInputs.captionIds(3, context, vocab, 1);
        for (int row = 0; row < 3; row++) {
            int length = SyntheticInputs.captionLength(row);
            assertEquals(vocab - 2, ids[row * context]);
            assertEquals(vocab - 1, ids[row * context + length - 1]);
            for (int j = 1; j < length - 1; j++) {
                long id = ids[row * context + j];
                assertTrue(id >= 1 && id < vocab - 2, "ordinary id out of range: " + id);
            }
            for (int j = length; j < context; j++) {
                assertEquals(0, ids[row * context + j]);
            }
        }
    }

    @Test
    void contextShorterThanTheLongestCaptionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticInputs.captionIds(1, 32, 500, 1));
    }
}
