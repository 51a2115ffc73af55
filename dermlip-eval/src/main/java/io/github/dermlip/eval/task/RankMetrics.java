package io.github.dermlip.eval.task;

import io.github.dermlip.eval.metrics.RetrievalDirection;
import io.github.dermlip.eval.metrics.RetrievalMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Retrieval metrics of one direction as functions of a multiset of queries: {@code R@k} for every cut-off, then
 * {@code mean_rank} and {@code median_rank}, each as {@link RetrievalMetrics#summarize} defines them on the
 * queries' ranks (the gallery stays whole).
 */
final class RankMetrics {
    /** Name of the mean 1-based rank. */
    static final String MEAN_RANK = "mean_rank";
    /** Name of the median rank. */
    static final String MEDIAN_RANK = "median_rank";

    private RankMetrics() {}

    /** The name of R@k. */
    static String recallName(int k) {
        return "R@" + k;
    }

    /** Every metric of one direction, in report order. */
    static Map<String, ToDoubleFunction<int[]>> of(int[] ranks, int[] ks) {
        Map<String, ToDoubleFunction<int[]>> metrics = new LinkedHashMap<>();
        for (int k : ks) {
            metrics.put(recallName(k), queries -> {
                int hits = 0;
                for (int q : queries) {
                    if (ranks[q] < k) {
                        hits++;
                    }
                }
                return queries.length == 0 ? Double.NaN : (double) hits / queries.length;
            });
        }
        metrics.put(MEAN_RANK, queries -> summary(ranks, queries, ks).meanRank());
        metrics.put(MEDIAN_RANK, queries -> summary(ranks, queries, ks).medianRank());
        return metrics;
    }

    private static RetrievalDirection summary(int[] ranks, int[] queries, int[] ks) {
        int[] drawn = new int[queries.length];
        for (int i = 0; i < queries.length; i++) {
            drawn[i] = ranks[queries[i]];
        }
        return RetrievalMetrics.summarize(drawn, ks);
    }
}
