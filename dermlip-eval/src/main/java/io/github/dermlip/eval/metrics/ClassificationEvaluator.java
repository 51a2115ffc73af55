package io.github.dermlip.eval.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One prediction prepared for repeated evaluation on multisets of its rows (bootstrap resamples, subgroups):
 * the input is validated once, predicted classes are found once and every class's probability column is sorted
 * once, so that a resample costs {@code O(n + K N)} instead of {@code K} sorts. Metrics are those of
 * {@link ClassificationMetrics}, which delegates here.
 *
 * <p>The evaluator keeps its own copies of what it needs, so later changes to the input arrays do not affect
 * it, and it can be used from several threads at once.
 */
public final class ClassificationEvaluator {
    private static final int TOP_K = 5;

    private final int numClasses;
    private final int[] labels;
    private final int[] predicted;
    private final double[] confidence;
    private final boolean[] topFiveHit;
    private final double[][] columns;
    private final int[][] ascending;

    /**
     * Prepares a prediction.
     *
     * @param trueLabels true class of every row, in {@code [0, numClasses)}
     * @param probabilities {@code [N][K]} predicted class probabilities (finite)
     * @param numClasses K, at least 2
     */
    public ClassificationEvaluator(int[] trueLabels, double[][] probabilities, int numClasses) {
        validate(trueLabels, probabilities, numClasses);
        int n = trueLabels.length;
        this.numClasses = numClasses;
        this.labels = trueLabels.clone();
        this.predicted = new int[n];
        this.confidence = new double[n];
        this.topFiveHit = new boolean[n];
        this.columns = new double[numClasses][n];
        for (int row = 0; row < n; row++) {
            double[] p = probabilities[row];
            predicted[row] = Calibration.argmax(p);
            confidence[row] = p[predicted[row]];
            topFiveHit[row] = numClasses > TOP_K && inTopFive(p, labels[row]);
            for (int c = 0; c < numClasses; c++) {
                columns[c][row] = p[c];
            }
        }
        this.ascending = new int[numClasses][];
        for (int c = numClasses == 2 ? 1 : 0; c < numClasses; c++) {
            ascending[c] = IndexSort.ascending(columns[c]);
        }
    }

    /** Number of rows N of the prediction. */
    public int size() {
        return labels.length;
    }

    /** All metrics over all rows. */
    public ClassificationReport evaluate() {
        int[] rows = new int[labels.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return evaluate(rows);
    }

    /**
     * All metrics over a multiset of rows.
     *
     * @param rows row indices; duplicates count repeatedly
     */
    public ClassificationReport evaluate(int[] rows) {
        checkRows(rows);
        int[][] confusion = confusion(rows);
        List<PerClassMetrics> perClass = perClass(confusion);
        int[] counts = counts(rows);
        return new ClassificationReport(rows.length, accuracy(rows), balancedAccuracy(perClass),
                macroF1(confusion, perClass), weightedF1(perClass, rows.length), macroRanking(counts, perClass, rows.length, true),
                macroRanking(counts, perClass, rows.length, false), topFiveAccuracy(rows), ece(rows), confusion,
                perClass);
    }

    /**
     * One scalar metric, by its stable name in {@link ClassificationReport#SCALAR_NAMES}, as a function of a
     * multiset of rows; only that metric is computed on each call.
     */
    public ToDoubleFunction<int[]> metric(String name) {
        ToDoubleFunction<int[]> metric = switch (name) {
            case ClassificationReport.ACCURACY -> this::accuracy;
            case ClassificationReport.BALANCED_ACCURACY -> rows -> balancedAccuracy(perClass(confusion(rows)));
            case ClassificationReport.MACRO_F1 -> rows -> {
                int[][] confusion = confusion(rows);
                return macroF1(confusion, perClass(confusion));
            };
            case ClassificationReport.WEIGHTED_F1 -> rows -> weightedF1(perClass(confusion(rows)), rows.length);
            case ClassificationReport.MACRO_AUROC ->
                rows -> macroRanking(counts(rows), perClass(confusion(rows)), rows.length, true);
            case ClassificationReport.MACRO_AUPR ->
                rows -> macroRanking(counts(rows), perClass(confusion(rows)), rows.length, false);
            case ClassificationReport.TOP5_ACCURACY -> this::topFiveAccuracy;
            case ClassificationReport.ECE -> this::ece;
            case ClassificationReport.N -> rows -> rows.length;
            default -> throw new IllegalArgumentException("unknown metric '" + name + "', expected one of "
                    + ClassificationReport.SCALAR_NAMES);
        };
        return rows -> {
            checkRows(rows);
            return metric.applyAsDouble(rows);
        };
    }

    private double accuracy(int[] rows) {
        int correct = 0;
        for (int row : rows) {
            if (predicted[row] == labels[row]) {
                correct++;
            }
        }
        return ratio(correct, rows.length);
    }

    private double topFiveAccuracy(int[] rows) {
        if (numClasses <= TOP_K) {
            return Double.NaN;
        }
        int hits = 0;
        for (int row : rows) {
            if (topFiveHit[row]) {
                hits++;
            }
        }
        return ratio(hits, rows.length);
    }

    private double ece(int[] rows) {
        return Calibration.reliability(labels, predicted, confidence, rows, Calibration.DEFAULT_BINS).ece();
    }

    private int[][] confusion(int[] rows) {
        int[][] confusion = new int[numClasses][numClasses];
        for (int row : rows) {
            confusion[labels[row]][predicted[row]]++;
        }
        return confusion;
    }

    private int[] counts(int[] rows) {
        int[] counts = new int[labels.length];
        for (int row : rows) {
            counts[row]++;
        }
        return counts;
    }

    private static List<PerClassMetrics> perClass(int[][] confusion) {
        int k = confusion.length;
        List<PerClassMetrics> list = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predictedCount = 0;
            for (int other = 0; other < k; other++) {
                support += confusion[c][other];
                predictedCount += confusion[other][c];
            }
            double precision = zeroIfUndefined(truePositives, predictedCount);
            double recall = zeroIfUndefined(truePositives, support);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            list.add(new PerClassMetrics(c, precision, recall, f1, support));
        }
        return list;
    }

    private static double balancedAccuracy(List<PerClassMetrics> perClass) {
        double sum = 0;
        int classes = 0;
        for (PerClassMetrics c : perClass) {
            if (c.support() > 0) {
                sum += c.recall();
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /** Mean F1 over the classes that are true or predicted at least once. */
    private static double macroF1(int[][] confusion, List<PerClassMetrics> perClass) {
        double sum = 0;
        int classes = 0;
        for (PerClassMetrics c : perClass) {
            int predictedCount = 0;
            for (int[] row : confusion) {
                predictedCount += row[c.classIndex()];
            }
            if (c.support() > 0 || predictedCount > 0) {
                sum += c.f1();
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    private static double weightedF1(List<PerClassMetrics> perClass, int n) {
        double sum = 0;
        for (PerClassMetrics c : perClass) {
            sum += c.f1() * c.support();
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private double macroRanking(int[] counts, List<PerClassMetrics> perClass, int n, boolean auroc) {
        if (numClasses == 2) {
            return ranking(1, counts, auroc);
        }
        double sum = 0;
        int classes = 0;
        for (PerClassMetrics c : perClass) {
            boolean defined = auroc ? c.support() > 0 && c.support() < n : c.support() > 0;
            if (defined) {
                sum += ranking(c.classIndex(), counts, auroc);
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    private double ranking(int positiveClass, int[] counts, boolean auroc) {
        return auroc
                ? BinaryScores.aurocOfMultiset(ascending[positiveClass], columns[positiveClass],
                        row -> labels[row] == positiveClass, counts)
                : BinaryScores.averagePrecisionOfMultiset(ascending[positiveClass], columns[positiveClass],
                        row -> labels[row] == positiveClass, counts);
    }

    /** Whether {@code truth} is among the top five classes, higher class index first among ties. */
    private static boolean inTopFive(double[] p, int truth) {
        int ahead = 0;
        for (int c = 0; c < p.length; c++) {
            if (p[c] > p[truth] || (p[c] == p[truth] && c > truth)) {
                ahead++;
            }
        }
        return ahead < TOP_K;
    }

    private static double zeroIfUndefined(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    private void checkRows(int[] rows) {
        for (int row : rows) {
            if (row < 0 || row >= labels.length) {
                throw new IllegalArgumentException("row index " + row + " outside [0, " + labels.length + ")");
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
