package io.github.dermlip.core.retrieval;

import java.util.Arrays;

/**
 * open_clip's summary of one direction's 0-based ranks: {@code R@k} is the fraction of queries with
 * {@code rank < k}, mean rank is {@code mean(rank) + 1} and median rank {@code floor(median(rank)) + 1}.
 */
public final class RankSummary {
    private RankSummary() {}

    /** The fraction of queries whose true match is among the top {@code k} (k at least 1). */
    public static double recallAt(int[] ranks, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("R@k cut-off must be at least 1, got " + k);
        }
        requireQueries(ranks);
        int hits = 0;
        for (int rank : ranks) {
            if (rank < k) {
                hits++;
            }
        }
        return (double) hits / ranks.length;
    }

    /** {@code mean(rank) + 1}. */
    public static double meanRank(int[] ranks) {
        requireQueries(ranks);
        return Arrays.stream(ranks).asDoubleStream().sum() / ranks.length + 1;
    }

    /** {@code floor(median(rank)) + 1}. */
    public static double medianRank(int[] ranks) {
        requireQueries(ranks);
        int[] sorted = ranks.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2.0;
        return Math.floor(median) + 1;
    }

    private static void requireQueries(int[] ranks) {
        if (ranks.length == 0) {
            throw new IllegalArgumentException("no queries to summarize");
        }
    }
}
