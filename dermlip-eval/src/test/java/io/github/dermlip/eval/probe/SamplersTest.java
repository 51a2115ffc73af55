package io.github.dermlip.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {
    /** Class 0 has 10 rows, class 1 has 3, class 5 has 1, interleaved. */
    private static final int[] LABELS = {0, 1, 0, 0, 5, 0, 1, 0, 0, 0, 1, 0, 0, 0};

    private static int[] countsPerClass(int[] rows) {
        int[] counts = new int[6];
        for (int r : rows) {
            counts[LABELS[r]]++;
        }
        return counts;
    }

    private static boolean hasDuplicates(int[] rows) {
        return Arrays.stream(rows).distinct().count() != rows.length;
    }

    @Test
    void percentKeepsFloorOfTheShareButAtLeastOnePerClass() {
        // 25%: class 0 keeps floor(2.5) = 2, class 1 max(1, floor(0.75)) = 1, class 5 max(1, floor(0.25)) = 1.
        int[] kept = PercentSubsampler.sample(LABELS, 0.25, 7);
        assertArrayEquals(new int[] {2, 1, 0, 0, 0, 1}, countsPerClass(kept));
        assertFalse(hasDuplicates(kept));
        assertArrayEquals(new int[] {10, 3, 0, 0, 0, 1}, countsPerClass(PercentSubsampler.sample(LABELS, 1.0, 7)));
        // 0.7 * 10 = 7 exactly in doubles; 0.7 * 3 = 2.0999999999999996 -> 2.
        assertArrayEquals(new int[] {7, 2, 0, 0, 0, 1}, countsPerClass(PercentSubsampler.sample(LABELS, 0.7, 7)));
    }

    @Test
    void percentIsSeeded() {
        assertArrayEquals(PercentSubsampler.sample(LABELS, 0.5, 3), PercentSubsampler.sample(LABELS, 0.5, 3));
        boolean anyDifferent = false;
        for (long seed = 4; seed < 14; seed++) {
            anyDifferent |= !Arrays.equals(PercentSubsampler.sample(LABELS, 0.5, 3),
                    PercentSubsampler.sample(LABELS, 0.5, seed));
        }
        assertEquals(true, anyDifferent);
        assertThrows(IllegalArgumentException.class, () -> PercentSubsampler.sample(LABELS, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> PercentSubsampler.sample(LABELS, 1.5, 1));
    }

    @Test
    void kShotTakesKPerClassOrAllOfASmallClass() {
        for (int shots : KShotSampler.STANDARD_SHOTS) {
            int[] chosen = KShotSampler.sample(LABELS, shots, 11);
            int[] counts = countsPerClass(chosen);
            assertEquals(Math.min(shots, 10), counts[0]);
            assertEquals(Math.min(shots, 3), counts[1]);
            assertEquals(1, counts[5]);
            assertFalse(hasDuplicates(chosen));
        }
        assertThrows(IllegalArgumentException.class, () -> KShotSampler.sample(LABELS, 0, 1));
    }

    @Test
    void kShotRepeatsOverSeeds() {
        List<int[]> sets = KShotSampler.sampleEach(LABELS, 2, 1, 2, 3);
        assertEquals(3, sets.size());
        assertArrayEquals(KShotSampler.sample(LABELS, 2, 2), sets.get(1));
        for (int[] set : sets) {
            assertArrayEquals(new int[] {2, 2, 0, 0, 0, 1}, countsPerClass(set));
        }
    }
}
