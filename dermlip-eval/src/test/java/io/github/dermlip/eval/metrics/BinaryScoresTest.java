package io.github.dermlip.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryScoresTest {
    private static final boolean[] LABELS = {false, false, true, true, false, true, false, true};
    private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.6};

    @Test
    void aurocCountsTiesAsOneHalf() {
        // Pairs (positive, negative) with the positive scoring higher: 0.35 beats 0.1; 0.8 beats 0.1, 0.4, 0.4;
        // 0.4 beats 0.1 and ties 0.4 twice; 0.6 beats 0.1, 0.4, 0.4. Total 1 + 3 + (1 + 2 * 0.5) + 3 = 9 of 16.
        // scikit-learn 1.2.1 roc_auc_score gives 0.5625 too.
        assertEquals(9.0 / 16, BinaryScores.auroc(LABELS, SCORES), 1e-15);
    }

    @Test
    void averagePrecisionGroupsTiedScores() {
        // Thresholds descending: 0.9 (P=0/1), 0.8 (1/2, R=1/4), 0.6 (2/3, R=2/4), 0.4 (3/6, R=3/4),
        // 0.35 (4/7, R=1), 0.1: AP = 1/4*1/2 + 1/4*2/3 + 1/4*1/2 + 1/4*4/7 = 0.5595238095238095 (also sklearn's).
        double expected = 0.25 * (0.5 + 2.0 / 3 + 0.5 + 4.0 / 7);
        assertEquals(expected, BinaryScores.averagePrecision(LABELS, SCORES), 1e-15);
        assertEquals(0.5595238095238095, BinaryScores.averagePrecision(LABELS, SCORES), 1e-15);
    }

    @Test
    void perfectRankingScoresOne() {
        boolean[] labels = {false, true, false, true};
        double[] scores = {0.1, 0.9, 0.2, 0.7};
        assertEquals(1.0, BinaryScores.auroc(labels, scores), 0);
        assertEquals(1.0, BinaryScores.averagePrecision(labels, scores), 0);
    }

    @Test
    void undefinedWithoutBothLabels() {
        assertTrue(Double.isNaN(BinaryScores.auroc(new boolean[] {true, true}, new double[] {0.2, 0.4})));
        assertTrue(Double.isNaN(BinaryScores.averagePrecision(new boolean[] {false, false}, new double[] {0.2, 0.4})));
    }

    @Test
    void rejectsMismatchedOrNaNInput() {
        assertThrows(IllegalArgumentException.class, () -> BinaryScores.auroc(new boolean[2], new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> BinaryScores.auroc(new boolean[] {true, false}, new double[] {Double.NaN, 1}));
    }
}
