package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Image-to-text and text-to-image retrieval over paired features, with open_clip's metric names: for each query
 * the rank of its own pair among all candidates (0 = first), then {@code R@1/5/10} (share of ranks below k),
 * {@code mean_rank} ({@code mean + 1}) and {@code median_rank} ({@code floor(median) + 1}).
 *
 * <p>A candidate ranks before the true pair only when its similarity is strictly greater. Similarities are computed
 * on the features' device in blocks of rows and ranked on the host, so memory stays at one block.
 */
public final class RetrievalMetrics {
    private static final int[] KS = {1, 5, 10};
    private static final int BLOCK_ROWS = 256;

    private RetrievalMetrics() {}

    /**
     * The metrics for {@code N} pairs.
     *
     * @param imageFeatures normalized [N, E]
     * @param textFeatures normalized [N, E], row i paired with image row i
     * @return {@code image_to_text_R@1}, ..., {@code text_to_image_median_rank}, in a fixed order
     */
    public static Map<String, Double> compute(NDArray imageFeatures, NDArray textFeatures) {
        Map<String, Double> out = new LinkedHashMap<>();
        summarize("image_to_text", ranks(imageFeatures, textFeatures), out);
        summarize("text_to_image", ranks(textFeatures, imageFeatures), out);
        return out;
    }

    /** For each query row, how many candidates score strictly above its own pair. */
    static int[] ranks(NDArray queries, NDArray candidates) {
        int n = (int) queries.getShape().get(0);
        int[] ranks = new int[n];
        try (NDManager scratch = queries.getManager().newSubManager()) {
            NDArray candidatesT = candidates.transpose();
            candidatesT.attach(scratch);
            for (int start = 0; start < n; start += BLOCK_ROWS) {
                int end = Math.min(n, start + BLOCK_ROWS);
                NDArray block = queries.get(start + ":" + end);
                block.attach(scratch);
                NDArray scores = block.matMul(candidatesT);
                scores.attach(scratch);
                float[] s = scores.toFloatArray();
                for (int r = 0; r < end - start; r++) {
                    int query = start + r;
                    float own = s[r * n + query];
                    int above = 0;
                    for (int c = 0; c < n; c++) {
                        if (s[r * n + c] > own) {
                            above++;
                        }
                    }
                    ranks[query] = above;
                }
            }
        }
        return ranks;
    }

    private static void summarize(String name, int[] ranks, Map<String, Double> out) {
        for (int k : KS) {
            int hits = 0;
            for (int r : ranks) {
                if (r < k) {
                    hits++;
                }
            }
            out.put(name + "_R@" + k, (double) hits / ranks.length);
        }
        double sum = 0;
        for (int r : ranks) {
            sum += r;
        }
        out.put(name + "_mean_rank", sum / ranks.length + 1);
        int[] sorted = ranks.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        out.put(name + "_median_rank", Math.floor(median) + 1);
    }
}
