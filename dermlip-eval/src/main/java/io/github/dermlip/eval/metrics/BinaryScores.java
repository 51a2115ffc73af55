package io.github.dermlip.eval.metrics;

import java.util.function.IntPredicate;

/**
 * Threshold-free metrics of scores against binary labels, as scikit-learn defines them.
 *
 * <ul>
 *   <li>{@link #auroc}: area under the ROC curve, equal to the probability that a random positive scores above a
 *       random negative with ties counting one half (the Mann-Whitney statistic with midranks), which is the
 *       trapezoidal area of {@code roc_auc_score}.</li>
 *   <li>{@link #averagePrecision}: {@code average_precision_score}, the step-wise sum
 *       {@code sum_n (R_n - R_{n-1}) P_n} over the distinct score thresholds in decreasing order; tied scores
 *       enter together at one threshold.</li>
 * </ul>
 * Both return NaN when the labels hold no positive (and, for AUROC, no negative) example, where scikit-learn
 * raises or warns.
 */
public final class BinaryScores {
    private BinaryScores() {}

    /** AUROC of {@code scores} for {@code positive} labels. */
    public static double auroc(boolean[] positive, double[] scores) {
        checkLengths(positive, scores);
        return aurocOfMultiset(IndexSort.ascending(scores), scores, row -> positive[row], null);
    }

    /** Average precision of {@code scores} for {@code positive} labels. */
    public static double averagePrecision(boolean[] positive, double[] scores) {
        checkLengths(positive, scores);
        return averagePrecisionOfMultiset(IndexSort.ascending(scores), scores, row -> positive[row], null);
    }

    /**
     * AUROC of a multiset of rows, each row counted {@code counts[row]} times (all once when {@code counts} is
     * null), with midranks for tied scores.
     *
     * @param ascending all rows ordered by ascending score
     * @param scores score of every row
     * @param positive whether a row is positive
     */
    static double aurocOfMultiset(int[] ascending, double[] scores, IntPredicate positive, int[] counts) {
        double positiveRankSum = 0;
        long positives = 0;
        long before = 0;
        int n = ascending.length;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[ascending[end + 1]] == scores[ascending[start]]) {
                end++;
            }
            long groupSize = 0;
            long groupPositives = 0;
            for (int j = start; j <= end; j++) {
                int row = ascending[j];
                int weight = counts == null ? 1 : counts[row];
                groupSize += weight;
                if (positive.test(row)) {
                    groupPositives += weight;
                }
            }
            positiveRankSum += groupPositives * (before + (groupSize + 1) / 2.0);
            positives += groupPositives;
            before += groupSize;
            start = end + 1;
        }
        long negatives = before - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Average precision of a multiset of rows, each row counted {@code counts[row]} times (all once when
     * {@code counts} is null); a threshold exists only where the multiset holds a score.
     */
    static double averagePrecisionOfMultiset(int[] ascending, double[] scores, IntPredicate positive,
            int[] counts) {
        long totalPositives = 0;
        for (int row : ascending) {
            if (positive.test(row)) {
                totalPositives += counts == null ? 1 : counts[row];
            }
        }
        if (totalPositives == 0) {
            return Double.NaN;
        }
        long truePositives = 0;
        long retrieved = 0;
        double previousRecall = 0;
        double sum = 0;
        int end = ascending.length - 1;
        while (end >= 0) {
            int start = end;
            while (start - 1 >= 0 && scores[ascending[start - 1]] == scores[ascending[end]]) {
                start--;
            }
            long groupSize = 0;
            for (int j = start; j <= end; j++) {
                int row = ascending[j];
                int weight = counts == null ? 1 : counts[row];
                groupSize += weight;
                if (positive.test(row)) {
                    truePositives += weight;
                }
            }
            if (groupSize > 0) {
                retrieved += groupSize;
                double recall = (double) truePositives / totalPositives;
                sum += (recall - previousRecall) * truePositives / retrieved;
                previousRecall = recall;
            }
            end = start - 1;
        }
        return sum;
    }

    private static void checkLengths(boolean[] positive, double[] scores) {
        if (positive.length != scores.length) {
            throw new IllegalArgumentException("labels (" + positive.length + ") and scores (" + scores.length
                    + ") differ in length");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score at row " + i + " is NaN");
            }
        }
    }
}
