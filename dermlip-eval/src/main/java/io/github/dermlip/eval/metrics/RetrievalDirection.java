package io.github.dermlip.eval.metrics;

import java.util.Arrays;

/**
 * Retrieval quality in one direction (image to text, or text to image) over 1:1 pairs, as open_clip's
 * {@code get_clip_metrics} reports it.
 *
 * @param meanRank mean 1-based rank of the true match
 * @param medianRank {@code floor(median(0-based ranks)) + 1}
 * @param ks the cut-offs k
 * @param recallAtK fraction of queries whose true match is among the top {@code ks[i]}
 */
public record RetrievalDirection(double meanRank, double medianRank, int[] ks, double[] recallAtK) {

    /** Copies the arrays and checks they match. */
    public RetrievalDirection {
        if (ks.length != recallAtK.length) {
            throw new IllegalArgumentException("ks (" + ks.length + ") and recallAtK (" + recallAtK.length
                    + ") differ in length");
        }
        ks = ks.clone();
        recallAtK = recallAtK.clone();
    }

    /** The cut-offs (a copy). */
    @Override
    public int[] ks() {
        return ks.clone();
    }

    /** Recall at every cut-off (a copy). */
    @Override
    public double[] recallAtK() {
        return recallAtK.clone();
    }

    /** Recall at cut-off {@code k}, which must be one of {@link #ks()}. */
    public double recallAt(int k) {
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] == k) {
                return recallAtK[i];
            }
        }
        throw new IllegalArgumentException("R@" + k + " was not computed; cut-offs are " + Arrays.toString(ks));
    }
}
