package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import io.github.dermlip.core.retrieval.PairRanks;
import io.github.dermlip.core.retrieval.RankSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validation retrieval metrics under open_clip's names ({@code image_to_text_R@1/5/10}, {@code _mean_rank},
 * {@code _median_rank}, then the same for {@code text_to_image}). Ranks come from core's {@link PairRanks}, the
 * same function and tie rule as {@code dermlip-eval retrieval}, so the figures logged during training are the
 * figures eval reports for the same weights.
 */
public final class RetrievalMetrics {
    private static final int[] KS = {1, 5, 10};

    private RetrievalMetrics() {}

    /**
     * The metrics for {@code N} pairs.
     *
     * @param imageFeatures normalized [N, E]
     * @param textFeatures normalized [N, E], row i paired with image row i
     * @return {@code image_to_text_R@1}, ..., {@code text_to_image_median_rank}, in a fixed order
     */
    public static Map<String, Double> compute(NDArray imageFeatures, NDArray textFeatures) {
        int n = Math.toIntExact(imageFeatures.getShape().get(0));
        int dim = Math.toIntExact(imageFeatures.getShape().get(1));
        PairRanks ranks = PairRanks.ofEmbeddings(imageFeatures.toFloatArray(), textFeatures.toFloatArray(), n, dim);
        Map<String, Double> out = new LinkedHashMap<>();
        summarize("image_to_text", ranks.imageToText(), out);
        summarize("text_to_image", ranks.textToImage(), out);
        return out;
    }

    private static void summarize(String name, int[] ranks, Map<String, Double> out) {
        for (int k : KS) {
            out.put(name + "_R@" + k, RankSummary.recallAt(ranks, k));
        }
        out.put(name + "_mean_rank", RankSummary.meanRank(ranks));
        out.put(name + "_median_rank", RankSummary.medianRank(ranks));
    }
}
