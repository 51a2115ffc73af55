package io.github.dermlip.eval.report;

import java.util.List;
import java.util.Objects;

/**
 * A confusion matrix of one model on one task: {@code counts[t][p]} images of true class {@code t} were predicted
 * as class {@code p}.
 *
 * @param model model name
 * @param task task name
 * @param dataset dataset name
 * @param classNames class names in label order
 * @param counts square matrix of counts, rows true classes, columns predictions
 */
public record ConfusionTable(String model, String task, String dataset, List<String> classNames, long[][] counts) {

    /** Copies the inputs and checks that the matrix is square with one row per class. */
    public ConfusionTable {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(dataset, "dataset");
        classNames = List.copyOf(classNames);
        int k = classNames.size();
        if (counts.length != k) {
            throw new IllegalArgumentException("confusion matrix has " + counts.length + " rows for " + k + " classes");
        }
        long[][] copy = new long[k][];
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("confusion matrix row " + t + " has " + counts[t].length
                        + " columns for " + k + " classes");
            }
            copy[t] = counts[t].clone();
        }
        counts = copy;
    }

    /** A copy of the counts. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            copy[t] = counts[t].clone();
        }
        return copy;
    }

    /** Each row divided by its total (the per-class recall on the diagonal); rows without images stay zero. */
    public double[][] rowNormalized() {
        return normalizeRows(counts);
    }

    /** {@code counts} with each row divided by its total; rows summing to zero stay zero. */
    public static double[][] normalizeRows(long[][] counts) {
        double[][] fractions = new double[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            fractions[t] = new double[counts[t].length];
            long total = 0;
            for (long c : counts[t]) {
                total += c;
            }
            for (int p = 0; total > 0 && p < counts[t].length; p++) {
                fractions[t][p] = (double) counts[t][p] / total;
            }
        }
        return fractions;
    }
}
