package io.github.dermlip.eval.metrics;

import io.github.dermlip.core.retrieval.PairRanks;
import io.github.dermlip.core.retrieval.RankSummary;

/**
 * Image-text retrieval metrics over 1:1 pairs (image {@code i} belongs with text {@code i}), following open_clip's
 * {@code get_clip_metrics}: similarities are {@code image @ text.T}; the rank of a query is the 0-based position
 * of its true match in the gallery sorted by decreasing similarity; mean rank is {@code mean(rank) + 1}, median
 * rank {@code floor(median(rank)) + 1}, and R@k the fraction of queries with {@code rank < k}.
 *
 * <p>Ranks and their tie rule come from core's {@link PairRanks}, which training's validation metrics use too.
 *
 * <p>Cut-offs: open_clip reports R@1/5/10; the default here adds R@50 and R@200. Every requested cut-off is
 * reported, also when {@code k >= N}, where R@k is trivially 1.
 *
 * <p>The logit scale of a CLIP model does not change ranks, so plain dot products of the (normalized)
 * embeddings are used, in float32 like the model's own matrix product.
 */
public final class RetrievalMetrics {
    /** R@k cut-offs reported by default. */
    public static final int[] DEFAULT_KS = {1, 5, 10, 50, 200};

    private RetrievalMetrics() {}

    /** Metrics from {@code [N][E]} image and text embeddings (normally L2-normalized). */
    public static RetrievalReport fromEmbeddings(float[][] images, float[][] texts) {
        return fromRanks(PairRanks.ofEmbeddings(images, texts), DEFAULT_KS);
    }

    /**
     * Metrics from row-major flat embeddings.
     *
     * @param images {@code n * dim} image embeddings
     * @param texts {@code n * dim} text embeddings
     * @param ks R@k cut-offs
     */
    public static RetrievalReport fromEmbeddings(float[] images, float[] texts, int n, int dim, int[] ks) {
        checkCutOffs(ks);
        return fromRanks(PairRanks.ofEmbeddings(images, texts, n, dim), ks);
    }

    /** Metrics from a square {@code [image][text]} logits (or similarity) matrix. */
    public static RetrievalReport fromLogits(float[][] logitsPerImage, int[] ks) {
        checkCutOffs(ks);
        return fromRanks(PairRanks.ofLogits(logitsPerImage), ks);
    }

    /** Metrics of both directions from their ranks. */
    public static RetrievalReport fromRanks(PairRanks ranks, int[] ks) {
        return new RetrievalReport(ranks.imageToText().length, summarize(ranks.imageToText(), ks),
                summarize(ranks.textToImage(), ks));
    }

    /** Summary of 0-based ranks of the true matches at the given cut-offs. */
    public static RetrievalDirection summarize(int[] ranks, int[] ks) {
        checkCutOffs(ks);
        double[] recalls = new double[ks.length];
        for (int c = 0; c < ks.length; c++) {
            recalls[c] = RankSummary.recallAt(ranks, ks[c]);
        }
        return new RetrievalDirection(RankSummary.meanRank(ranks), RankSummary.medianRank(ranks), ks, recalls);
    }

    private static void checkCutOffs(int[] ks) {
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("R@k cut-off must be at least 1, got " + k);
            }
        }
    }
}
