package io.github.dermlip.eval.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one multi-class prediction; see {@link ClassificationMetrics} for their definitions. Values
 * that are undefined for the data (e.g. top-5 accuracy with five classes or fewer) are NaN.
 *
 * @param n number of evaluated rows
 * @param accuracy fraction of rows whose top class is the true class
 * @param balancedAccuracy mean recall over classes present in the true labels
 * @param macroF1 mean F1 over classes present in the true or predicted labels
 * @param weightedF1 support-weighted mean F1
 * @param macroAuroc macro one-vs-rest AUROC (binary: AUROC of class 1)
 * @param macroAupr macro average precision (binary: of class 1)
 * @param top5Accuracy fraction of rows whose true class is among the five most probable (NaN when K &lt;= 5)
 * @param ece expected calibration error over 15 equal-width bins
 * @param confusionMatrix {@code [true][predicted]} counts
 * @param perClass precision, recall, F1 and support of every class {@code 0..K-1}
 */
public record ClassificationReport(int n, double accuracy, double balancedAccuracy, double macroF1, double weightedF1,
        double macroAuroc, double macroAupr, double top5Accuracy, double ece, int[][] confusionMatrix,
        List<PerClassMetrics> perClass) {

    /** Stable metric name of {@link #accuracy()}. */
    public static final String ACCURACY = "accuracy";
    /** Stable metric name of {@link #balancedAccuracy()}. */
    public static final String BALANCED_ACCURACY = "balanced_accuracy";
    /** Stable metric name of {@link #macroF1()}. */
    public static final String MACRO_F1 = "macro_f1";
    /** Stable metric name of {@link #weightedF1()}. */
    public static final String WEIGHTED_F1 = "weighted_f1";
    /** Stable metric name of {@link #macroAuroc()}. */
    public static final String MACRO_AUROC = "macro_auroc";
    /** Stable metric name of {@link #macroAupr()}. */
    public static final String MACRO_AUPR = "macro_aupr";
    /** Stable metric name of {@link #top5Accuracy()}. */
    public static final String TOP5_ACCURACY = "top5_accuracy";
    /** Stable metric name of {@link #ece()}. */
    public static final String ECE = "ece";
    /** Stable name of {@link #n()} in {@link #scalars()}. */
    public static final String N = "n";
    /** All names of {@link #scalars()}, in order. */
    public static final List<String> SCALAR_NAMES =
            List.of(ACCURACY, BALANCED_ACCURACY, MACRO_F1, WEIGHTED_F1, MACRO_AUROC, MACRO_AUPR, TOP5_ACCURACY, ECE, N);

    /** Deep-copies the matrix and the list. */
    public ClassificationReport {
        confusionMatrix = deepCopy(confusionMatrix);
        perClass = List.copyOf(perClass);
    }

    /** {@code [true][predicted]} counts (a copy). */
    @Override
    public int[][] confusionMatrix() {
        return deepCopy(confusionMatrix);
    }

    /** Number of classes K. */
    public int numClasses() {
        return confusionMatrix.length;
    }

    /**
     * The scalar metrics under their stable names, in this order: {@code accuracy, balanced_accuracy, macro_f1,
     * weighted_f1, macro_auroc, macro_aupr, top5_accuracy, ece, n}. Every name is always present; undefined
     * values are NaN.
     */
    public Map<String, Double> scalars() {
        Map<String, Double> map = new LinkedHashMap<>();
        map.put(ACCURACY, accuracy);
        map.put(BALANCED_ACCURACY, balancedAccuracy);
        map.put(MACRO_F1, macroF1);
        map.put(WEIGHTED_F1, weightedF1);
        map.put(MACRO_AUROC, macroAuroc);
        map.put(MACRO_AUPR, macroAupr);
        map.put(TOP5_ACCURACY, top5Accuracy);
        map.put(ECE, ece);
        map.put(N, (double) n);
        return Collections.unmodifiableMap(map);
    }

    private static int[][] deepCopy(int[][] matrix) {
        return Arrays.stream(matrix).map(int[]::clone).toArray(int[][]::new);
    }
}
