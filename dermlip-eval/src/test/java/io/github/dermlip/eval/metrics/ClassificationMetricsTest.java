package io.github.dermlip.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected values were computed with scikit-learn 1.2.1 (Debian's python3-sklearn) on the same arrays:
 * accuracy_score, balanced_accuracy_score, f1_score(average=..., zero_division=0), roc_auc_score,
 * average_precision_score, top_k_accuracy_score(k=5, labels=range(K)), confusion_matrix and
 * precision_recall_fscore_support; ECE with 15 bins of np.linspace(0, 1, 16), (lower, upper].
 */
class ClassificationMetricsTest {
    // Class 2 is never predicted; class columns hold tied scores.
    private static final int[] LABELS_A = {0, 0, 0, 1, 1, 2, 2, 2, 0, 1};
    private static final double[][] PROBS_A = {
        {0.7, 0.2, 0.1}, {0.5, 0.3, 0.2}, {0.3, 0.5, 0.2}, {0.2, 0.5, 0.3}, {0.4, 0.4, 0.2},
        {0.4, 0.3, 0.3}, {0.3, 0.4, 0.3}, {0.5, 0.2, 0.3}, {0.6, 0.2, 0.2}, {0.1, 0.6, 0.3}};

    // K = 7 > 5; class 6 is neither true nor predicted; row 0 ties the true class with classes 3..5.
    private static final int[] LABELS_C = {2, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5};
    private static final double[][] PROBS_C = {
        {0.2, 0.2, 0.1, 0.1, 0.1, 0.1, 0.2},
        {0.026, 0.013, 0.862, 0.039, 0.021, 0.024, 0.016},
        {0.042, 0.084, 0.206, 0.102, 0.339, 0.102, 0.125},
        {0.269, 0.099, 0.036, 0.049, 0.099, 0.402, 0.045},
        {0.081, 0.27, 0.04, 0.074, 0.244, 0.181, 0.11},
        {0.231, 0.007, 0.312, 0.042, 0.021, 0.155, 0.231},
        {0.066, 0.033, 0.098, 0.089, 0.398, 0.197, 0.12},
        {0.329, 0.09, 0.044, 0.199, 0.199, 0.09, 0.049},
        {0.184, 0.012, 0.303, 0.248, 0.03, 0.166, 0.055},
        {0.252, 0.015, 0.046, 0.228, 0.376, 0.013, 0.069},
        {0.103, 0.042, 0.379, 0.023, 0.114, 0.028, 0.31},
        {0.068, 0.045, 0.012, 0.37, 0.151, 0.151, 0.203}};

    @Test
    void multiClassWithAClassNeverPredicted() {
        ClassificationReport r = ClassificationMetrics.compute(LABELS_A, PROBS_A, 3);
        assertEquals(10, r.n());
        assertEquals(0.5, r.accuracy(), 1e-15);
        assertEquals(0.47222222222222215, r.balancedAccuracy(), 1e-12);
        assertEquals(0.3904761904761905, r.macroF1(), 1e-12);
        assertEquals(0.41142857142857137, r.weightedF1(), 1e-12);
        assertEquals(0.8650793650793651, r.macroAuroc(), 1e-12);
        assertEquals(0.7226851851851852, r.macroAupr(), 1e-12);
        assertEquals(0.23000000000000004, r.ece(), 1e-12);
        assertTrue(Double.isNaN(r.top5Accuracy()), "top-5 is undefined with K <= 5");
        assertArrayEquals(new int[][] {{3, 1, 0}, {1, 2, 0}, {2, 1, 0}}, r.confusionMatrix());
        PerClassMetrics neverPredicted = r.perClass().get(2);
        assertEquals(new PerClassMetrics(2, 0.0, 0.0, 0.0, 3), neverPredicted);
        assertEquals(0.5, r.perClass().get(0).precision(), 1e-15);
        assertEquals(0.75, r.perClass().get(0).recall(), 1e-15);
        assertEquals(0.6, r.perClass().get(0).f1(), 1e-12);
        assertEquals(0.5714285714285715, r.perClass().get(1).f1(), 1e-12);
    }

    @Test
    void binaryUsesThePositiveClassForRankingMetrics() {
        int[] labels = {0, 0, 1, 1, 0, 1, 0, 1};
        double[] positive = {0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.6};
        double[][] probs = new double[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            probs[i] = new double[] {1 - positive[i], positive[i]};
        }
        ClassificationReport r = ClassificationMetrics.compute(labels, probs, 2);
        assertEquals(0.625, r.accuracy(), 1e-15);
        assertEquals(0.625, r.balancedAccuracy(), 1e-15);
        assertEquals(0.6190476190476191, r.macroF1(), 1e-12);
        assertEquals(0.5625, r.macroAuroc(), 1e-15);
        assertEquals(0.5595238095238095, r.macroAupr(), 1e-12);
        assertEquals(0.28125, r.ece(), 1e-12);
        assertArrayEquals(new int[][] {{3, 1}, {2, 2}}, r.confusionMatrix());
    }

    @Test
    void moreThanFiveClassesWithTopFiveAndAnAbsentClass() {
        ClassificationReport r = ClassificationMetrics.compute(LABELS_C, PROBS_C, 7);
        assertEquals(1.0 / 12, r.accuracy(), 1e-15);
        assertEquals(0.05555555555555555, r.balancedAccuracy(), 1e-12);
        // Macro F1 averages the 6 classes seen in y_true or y_pred: 0.2857142857 / 6.
        assertEquals(0.04761904761904762, r.macroF1(), 1e-12);
        assertEquals(0.07142857142857144, r.weightedF1(), 1e-12);
        // Mean of sklearn's one-vs-rest AUROC / AP over the six classes present in y_true.
        assertEquals(0.508080808080808, r.macroAuroc(), 1e-12);
        assertEquals(0.2534391534391534, r.macroAupr(), 1e-12);
        // Row 0 misses: the true class ties with classes 3..5, which rank ahead of it as in scikit-learn.
        assertEquals(0.75, r.top5Accuracy(), 1e-15);
        assertEquals(0.29500000000000004, r.ece(), 1e-12);
        assertEquals(0, r.perClass().get(6).support());
    }

    @Test
    void scalarViewHasStableNamesInOrder() {
        Map<String, Double> scalars = ClassificationMetrics.compute(LABELS_A, PROBS_A, 3).scalars();
        assertEquals(List.of("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1", "macro_auroc", "macro_aupr",
                "top5_accuracy", "ece", "n"), List.copyOf(scalars.keySet()));
        assertEquals(10.0, scalars.get("n"));
        assertEquals(ClassificationReport.SCALAR_NAMES, List.copyOf(scalars.keySet()));
    }

    @Test
    void rowSubsetsMatchCopiedData() {
        int[] rows = {0, 0, 3, 5, 9, 9, 9, 2};
        int[] labels = new int[rows.length];
        double[][] probs = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = LABELS_A[rows[i]];
            probs[i] = PROBS_A[rows[i]];
        }
        ClassificationReport copied = ClassificationMetrics.compute(labels, probs, 3);
        ClassificationReport subset = ClassificationMetrics.compute(LABELS_A, PROBS_A, 3, rows);
        assertEquals(copied.scalars(), subset.scalars());
        assertEquals(copied.macroAuroc(),
                ClassificationMetrics.metricOnRows("macro_auroc", LABELS_A, PROBS_A, 3).applyAsDouble(rows));
    }

    @Test
    void singleMetricFunctionsAgreeWithTheFullReport() {
        ClassificationEvaluator evaluator = new ClassificationEvaluator(LABELS_C, PROBS_C, 7);
        int[] rows = {0, 1, 1, 4, 5, 6, 6, 6, 8, 9, 11, 11, 3};
        Map<String, Double> full = evaluator.evaluate(rows).scalars();
        for (String name : ClassificationReport.SCALAR_NAMES) {
            assertEquals(full.get(name), evaluator.metric(name).applyAsDouble(rows), 0, name);
        }
        assertThrows(IllegalArgumentException.class, () -> evaluator.metric("accuracy").applyAsDouble(new int[] {12}));
    }

    @Test
    void reportIsImmutable() {
        ClassificationReport r = ClassificationMetrics.compute(LABELS_A, PROBS_A, 3);
        r.confusionMatrix()[0][0] = 99;
        assertEquals(3, r.confusionMatrix()[0][0]);
        assertThrows(UnsupportedOperationException.class, () -> r.scalars().put("accuracy", 1.0));
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(new int[] {0, 3}, new double[][] {{1, 0, 0}, {0, 1, 0}}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.compute(new int[] {0}, new double[][] {{1, 0}}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.metricOnRows("auc", LABELS_A, PROBS_A, 3));
    }
}
