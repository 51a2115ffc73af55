package io.github.dermlip.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    /** Mean of a 0/1 "correct" vector over the drawn rows: an accuracy. */
    private static ToDoubleFunction<int[]> meanOf(int[] correct) {
        return rows -> {
            double sum = 0;
            for (int r : rows) {
                sum += correct[r];
            }
            return sum / rows.length;
        };
    }

    @Test
    void percentileIntervalCoversTheTrueAccuracy() {
        double p = 0.7;
        int n = 200;
        int repetitions = 200;
        SplittableRandom data = new SplittableRandom(11);
        int covered = 0;
        for (int rep = 0; rep < repetitions; rep++) {
            int[] correct = new int[n];
            for (int i = 0; i < n; i++) {
                correct[i] = data.nextDouble() < p ? 1 : 0;
            }
            Estimate e = new Bootstrap(300, rep, 0.95, false).estimate(new int[n], meanOf(correct));
            assertTrue(e.low() <= e.value() && e.value() <= e.high());
            if (e.low() <= p && p <= e.high()) {
                covered++;
            }
        }
        double coverage = (double) covered / repetitions;
        assertTrue(coverage >= 0.90 && coverage <= 0.99, "coverage " + coverage);
    }

    @Test
    void intervalWidthMatchesTheBinomialStandardError() {
        int n = 400;
        int[] correct = new int[n];
        for (int i = 0; i < n; i += 2) {
            correct[i] = 1;
        }
        Estimate e = Bootstrap.withSeed(3).estimate(new int[n], meanOf(correct));
        assertEquals(0.5, e.value(), 0);
        // Normal approximation: 2 * 1.96 * sqrt(0.25 / 400) = 0.098.
        assertEquals(0.098, e.high() - e.low(), 0.015);
    }

    @Test
    void stratificationKeepsClassCountsFixed() {
        int[] strata = {0, 0, 0, 1, 1, 2, 2, 2, 2, 2};
        ToDoubleFunction<int[]> shareOfClassTwo = rows -> {
            int count = 0;
            for (int r : rows) {
                count += strata[r] == 2 ? 1 : 0;
            }
            return (double) count / rows.length;
        };
        Estimate e = Bootstrap.withSeed(5).estimate(strata, shareOfClassTwo);
        assertEquals(new Estimate(0.5, 0.5, 0.5), e);
    }

    @Test
    void deterministicForASeedWithOrWithoutParallelism() {
        int[] correct = new int[150];
        int[] strata = new int[150];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < correct.length; i++) {
            correct[i] = random.nextInt(2);
            strata[i] = random.nextInt(3);
        }
        Estimate sequential = new Bootstrap(500, 42, 0.95, false).estimate(strata, meanOf(correct));
        Estimate parallel = new Bootstrap(500, 42, 0.95, true).estimate(strata, meanOf(correct));
        Estimate again = new Bootstrap(500, 42, 0.95, false).estimate(strata, meanOf(correct));
        Estimate otherSeed = new Bootstrap(500, 43, 0.95, false).estimate(strata, meanOf(correct));
        assertEquals(sequential, parallel);
        assertEquals(sequential, again);
        assertNotEquals(sequential, otherSeed);
    }

    @Test
    void sharedResamplesForSeveralMetrics() {
        int[] correct = {1, 0, 1, 1, 0, 1};
        double[][] values = Bootstrap.withSeed(9).distributions(Strata.of(new int[6]),
                List.of(meanOf(correct), rows -> 1 - meanOf(correct).applyAsDouble(rows)));
        for (int b = 0; b < values[0].length; b++) {
            assertEquals(1.0, values[0][b] + values[1][b], 1e-12);
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(0, 1, 0.95, false));
        assertThrows(IllegalArgumentException.class, () -> new Bootstrap(10, 1, 1.0, false));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.withSeed(1).estimate(new int[0], r -> 0));
    }
}
