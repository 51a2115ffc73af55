package io.github.dermlip.synth;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Per-sample seeds are stable and distinct across dataset seeds, splits and indices. */
class SampleSeedsTest {

    @Test
    void distinctAcrossSplitsIndicesAndSeeds() {
        Set<Long> seen = new HashSet<>();
        int total = 0;
        for (long seed : new long[] {0, 1, 42}) {
            for (DatasetSplit split : DatasetSplit.values()) {
                for (int i = 0; i < 2000; i++) {
                    seen.add(SampleSeeds.of(seed, split, i));
                    total++;
                }
            }
        }
        assertEquals(total, seen.size());
    }

    @Test
    void stableForTheSameInputs() {
        assertEquals(SampleSeeds.of(7, DatasetSplit.EVAL_VAL, 3), SampleSeeds.of(7, DatasetSplit.EVAL_VAL, 3));
        assertNotEquals(SampleSeeds.of(7, DatasetSplit.EVAL_VAL, 3), SampleSeeds.of(7, DatasetSplit.EVAL_TEST, 3));
    }

    @Test
    void mixIsTheSplitMix64Finaliser() {
        // Reference value of the SplitMix64 output function for input 0x9E3779B97F4A7C15 (the first SplitMix64
        // output for seed 0).
        assertEquals(0xE220A8397B1DCDAFL, SampleSeeds.mix(0x9E3779B97F4A7C15L));
    }
}
