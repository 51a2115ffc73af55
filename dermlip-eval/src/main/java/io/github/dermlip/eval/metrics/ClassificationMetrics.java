package io.github.dermlip.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Multi-class classification metrics from true labels and predicted class probabilities, with scikit-learn's
 * semantics (so numbers match DermLIP's Python evaluation). The predicted class of a row is the first class of
 * largest probability ({@code argmax}).
 *
 * <ul>
 *   <li><b>accuracy</b>: {@code accuracy_score}.</li>
 *   <li><b>balanced accuracy</b>: {@code balanced_accuracy_score}, mean recall over the classes present in the
 *       true labels.</li>
 *   <li><b>macro / weighted F1</b>: {@code f1_score(average='macro'|'weighted', zero_division=0)}. The macro
 *       mean runs over the classes present in the true <i>or</i> predicted labels (scikit-learn's
 *       {@code unique_labels(y_true, y_pred)}); a class that is predicted but never true has recall 0, a class
 *       that is true but never predicted has precision 0, and either way F1 0. The weighted mean weights each
 *       class by its support, so classes absent from the true labels weigh nothing.</li>
 *   <li><b>macro AUROC</b>: {@code roc_auc_score(multi_class='ovr', average='macro')}: the unweighted mean of
 *       one-vs-rest AUROCs, ties scored one half ({@link BinaryScores#auroc}). Classes absent from the true
 *       labels are skipped (scikit-learn would reject the input), and so is a class that is the only one
 *       present. With K = 2 it is the AUROC of class 1's probability, as scikit-learn computes for binary
 *       labels.</li>
 *   <li><b>macro AUPR</b>: {@code average_precision_score(average='macro')} on one-vs-rest labels, the mean of
 *       per-class average precision ({@link BinaryScores#averagePrecision}) over classes present in the true
 *       labels; with K = 2 the average precision of class 1.</li>
 *   <li><b>top-5 accuracy</b> (K &gt; 5 only): {@code top_k_accuracy_score(k=5)}; among tied probabilities the
 *       higher class index ranks first, as in scikit-learn.</li>
 *   <li><b>ECE</b>: expected calibration error over 15 equal-width bins of the top-class probability
 *       ({@link Calibration}).</li>
 *   <li><b>confusion matrix</b>: {@code [true][predicted]} counts over all K classes; <b>per class</b>:
 *       precision, recall, F1 ({@code zero_division=0}) and support of every class.</li>
 * </ul>
 */
public final class ClassificationMetrics {
    private static final int TOP_K = 5;

    private ClassificationMetrics() {}

    /**
     * Metrics over all rows.
     *
     * @param trueLabels true class of every row, in {@code [0, numClasses)}
     * @param probabilities {@code [N][K]} predicted class probabilities
     * @param numClasses K, at least 2
     */
    public static ClassificationReport compute(int[] trueLabels, double[][] probabilities, int numClasses) {
        int[] rows = new int[trueLabels.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return compute(trueLabels, probabilities, numClasses, rows);
    }

    /**
     * Metrics over a multiset of rows (a bootstrap resample, a subgroup), without copying the predictions.
     *
     * @param rows indices into {@code trueLabels} and {@code probabilities}; duplicates count repeatedly
     */
    public static ClassificationReport compute(int[] trueLabels, double[][] probabilities, int numClasses,
            int[] rows) {
        validate(trueLabels, probabilities, numClasses);
        checkRows(rows, trueLabels.length);
        return computeValidated(trueLabels, probabilities, numClasses, rows);
    }

    /**
     * One scalar metric (by its stable name in {@link ClassificationReport#SCALAR_NAMES}) as a function of a
     * multiset of rows, ready for {@code io.github.dermlip.eval.stats.Bootstrap}. The inputs are validated once,
     * here, not on every call.
     */
    public static ToDoubleFunction<int[]> metricOnRows(String name, int[] trueLabels, double[][] probabilities,
            int numClasses) {
        if (!ClassificationReport.SCALAR_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown metric '" + name + "', expected one of "
                    + ClassificationReport.SCALAR_NAMES);
        }
        validate(trueLabels, probabilities, numClasses);
        return rows -> {
            checkRows(rows, trueLabels.length);
            return computeValidated(trueLabels, probabilities, numClasses, rows).scalars().get(name);
        };
    }

    private static ClassificationReport computeValidated(int[] trueLabels, double[][] probabilities, int numClasses,
            int[] rows) {
        int k = numClasses;
        int n = rows.length;
        int[][] confusion = new int[k][k];
        int correct = 0;
        int top5Hits = 0;
        for (int row : rows) {
            int truth = trueLabels[row];
            int predicted = Calibration.argmax(probabilities[row]);
            confusion[truth][predicted]++;
            if (truth == predicted) {
                correct++;
            }
            if (k > TOP_K && inTopK(probabilities[row], truth)) {
                top5Hits++;
            }
        }
        List<PerClassMetrics> perClass = perClass(confusion);
        double recallSum = 0;
        int presentInTruth = 0;
        double f1Sum = 0;
        int presentInEither = 0;
        double weightedF1 = 0;
        for (PerClassMetrics c : perClass) {
            int predictedCount = columnSum(confusion, c.classIndex());
            if (c.support() > 0) {
                recallSum += c.recall();
                presentInTruth++;
            }
            if (c.support() > 0 || predictedCount > 0) {
                f1Sum += c.f1();
                presentInEither++;
            }
            weightedF1 += c.f1() * c.support();
        }
        return new ClassificationReport(n,
                ratio(correct, n),
                presentInTruth == 0 ? Double.NaN : recallSum / presentInTruth,
                presentInEither == 0 ? Double.NaN : f1Sum / presentInEither,
                n == 0 ? Double.NaN : weightedF1 / n,
                macroRanking(trueLabels, probabilities, k, rows, perClass, true),
                macroRanking(trueLabels, probabilities, k, rows, perClass, false),
                k > TOP_K ? ratio(top5Hits, n) : Double.NaN,
                Calibration.reliability(trueLabels, probabilities, rows, Calibration.DEFAULT_BINS).ece(),
                confusion,
                perClass);
    }

    private static List<PerClassMetrics> perClass(int[][] confusion) {
        List<PerClassMetrics> list = new ArrayList<>(confusion.length);
        for (int c = 0; c < confusion.length; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            for (int p = 0; p < confusion.length; p++) {
                support += confusion[c][p];
            }
            double precision = zeroIfUndefined(truePositives, columnSum(confusion, c));
            double recall = zeroIfUndefined(truePositives, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            list.add(new PerClassMetrics(c, precision, recall, f1, support));
        }
        return list;
    }

    private static double macroRanking(int[] trueLabels, double[][] probabilities, int k, int[] rows,
            List<PerClassMetrics> perClass, boolean auroc) {
        int n = rows.length;
        if (k == 2) {
            return binaryRanking(trueLabels, probabilities, rows, 1, auroc);
        }
        double sum = 0;
        int classes = 0;
        for (PerClassMetrics c : perClass) {
            boolean defined = auroc ? c.support() > 0 && c.support() < n : c.support() > 0;
            if (defined) {
                sum += binaryRanking(trueLabels, probabilities, rows, c.classIndex(), auroc);
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    private static double binaryRanking(int[] trueLabels, double[][] probabilities, int[] rows, int positiveClass,
            boolean auroc) {
        boolean[] positive = new boolean[rows.length];
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            positive[i] = trueLabels[rows[i]] == positiveClass;
            scores[i] = probabilities[rows[i]][positiveClass];
        }
        return auroc ? BinaryScores.auroc(positive, scores) : BinaryScores.averagePrecision(positive, scores);
    }

    /** Whether {@code truth} is among the top five classes, higher class index first among ties. */
    private static boolean inTopK(double[] p, int truth) {
        int ahead = 0;
        for (int c = 0; c < p.length; c++) {
            if (p[c] > p[truth] || (p[c] == p[truth] && c > truth)) {
                ahead++;
            }
        }
        return ahead < TOP_K;
    }

    private static int columnSum(int[][] confusion, int column) {
        int sum = 0;
        for (int[] row : confusion) {
            sum += row[column];
        }
        return sum;
    }

    private static double zeroIfUndefined(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private static void checkRows(int[] rows, int n) {
        for (int row : rows) {
            if (row < 0 || row >= n) {
                throw new IllegalArgumentException("row index " + row + " outside [0, " + n + ")");
            }
        }
    }

    private static void validate(int[] trueLabels, double[][] probabilities, int numClasses) {
        if (numClasses < 2) {
            throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
        }
        if (trueLabels.length != probabilities.length) {
            throw new IllegalArgumentException("trueLabels (" + trueLabels.length + " rows) and probabilities ("
                    + probabilities.length + " rows) differ in length");
        }
        for (int i = 0; i < trueLabels.length; i++) {
            if (trueLabels[i] < 0 || trueLabels[i] >= numClasses) {
                throw new IllegalArgumentException("true label " + trueLabels[i] + " at row " + i + " outside [0, "
                        + numClasses + ")");
            }
            if (probabilities[i].length != numClasses) {
                throw new IllegalArgumentException("probabilities row " + i + " has " + probabilities[i].length
                        + " columns, expected " + numClasses);
            }
            for (double v : probabilities[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("probabilities row " + i + " holds a non-finite value");
                }
            }
        }
    }
}
