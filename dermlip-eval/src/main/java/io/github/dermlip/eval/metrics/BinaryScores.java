package io.github.dermlip.eval.metrics;

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
        int[] order = IndexSort.ascending(scores);
        long positives = 0;
        double positiveRankSum = 0;
        int n = scores.length;
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double midrank = (start + end) / 2.0 + 1.0;
            for (int j = start; j <= end; j++) {
                if (positive[order[j]]) {
                    positives++;
                    positiveRankSum += midrank;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Average precision of {@code scores} for {@code positive} labels. */
    public static double averagePrecision(boolean[] positive, double[] scores) {
        checkLengths(positive, scores);
        int n = scores.length;
        int totalPositives = 0;
        for (boolean p : positive) {
            if (p) {
                totalPositives++;
            }
        }
        if (totalPositives == 0) {
            return Double.NaN;
        }
        int[] order = IndexSort.ascending(scores);
        int truePositives = 0;
        int retrieved = 0;
        double previousRecall = 0;
        double sum = 0;
        int end = n - 1;
        while (end >= 0) {
            int start = end;
            while (start - 1 >= 0 && scores[order[start - 1]] == scores[order[end]]) {
                start--;
            }
            for (int j = start; j <= end; j++) {
                retrieved++;
                if (positive[order[j]]) {
                    truePositives++;
                }
            }
            double recall = (double) truePositives / totalPositives;
            double precision = (double) truePositives / retrieved;
            sum += (recall - previousRecall) * precision;
            previousRecall = recall;
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
