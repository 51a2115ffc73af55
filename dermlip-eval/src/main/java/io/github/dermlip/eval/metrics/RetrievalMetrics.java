package io.github.dermlip.eval.metrics;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Image-text retrieval metrics over 1:1 pairs (image {@code i} belongs with text {@code i}), following open_clip's
 * {@code get_clip_metrics}: similarities are {@code image @ text.T}; the rank of a query is the 0-based position
 * of its true match in the gallery sorted by decreasing similarity; mean rank is {@code mean(rank) + 1}, median
 * rank {@code floor(median(rank)) + 1}, and R@k the fraction of queries with {@code rank < k}.
 *
 * <p>Ties: a gallery item with exactly the same similarity as the true match ranks ahead of it when its index is
 * smaller (a stable sort by decreasing similarity). open_clip's {@code torch.argsort} leaves the tie order
 * unspecified.
 *
 * <p>Cut-offs: open_clip reports R@1/5/10; the default here adds R@50 and R@200. Every requested cut-off is
 * reported, also when {@code k >= N}, where R@k is trivially 1.
 *
 * <p>The logit scale of a CLIP model does not change ranks, so plain dot products of the (normalized)
 * embeddings are used. The similarity matrix is never materialized; rows are processed in parallel, with
 * results independent of the thread count.
 */
public final class RetrievalMetrics {
    /** R@k cut-offs reported by default. */
    public static final int[] DEFAULT_KS = {1, 5, 10, 50, 200};

    private RetrievalMetrics() {}

    /** Metrics from {@code [N][E]} image and text embeddings (normally L2-normalized). */
    public static RetrievalReport fromEmbeddings(float[][] images, float[][] texts) {
        if (images.length != texts.length) {
            throw new IllegalArgumentException("images (" + images.length + ") and texts (" + texts.length
                    + ") must be 1:1 pairs");
        }
        int dim = images.length == 0 ? 0 : images[0].length;
        return fromEmbeddings(flatten(images, dim, "images"), flatten(texts, dim, "texts"), images.length, dim,
                DEFAULT_KS);
    }

    /**
     * Metrics from row-major flat embeddings.
     *
     * @param images {@code n * dim} image embeddings
     * @param texts {@code n * dim} text embeddings
     * @param ks R@k cut-offs
     */
    public static RetrievalReport fromEmbeddings(float[] images, float[] texts, int n, int dim, int[] ks) {
        if (images.length != (long) n * dim || texts.length != (long) n * dim) {
            throw new IllegalArgumentException("flat embeddings must hold n*dim = " + (long) n * dim
                    + " values, got " + images.length + " (images) and " + texts.length + " (texts)");
        }
        Similarity similarity = (image, text) -> dot(images, image * dim, texts, text * dim, dim);
        return fromSimilarity(similarity, n, ks);
    }

    /** Metrics from a square {@code [image][text]} logits (or similarity) matrix. */
    public static RetrievalReport fromLogits(float[][] logitsPerImage, int[] ks) {
        int n = logitsPerImage.length;
        for (int i = 0; i < n; i++) {
            if (logitsPerImage[i].length != n) {
                throw new IllegalArgumentException("logits must be square: row " + i + " has "
                        + logitsPerImage[i].length + " columns, expected " + n);
            }
        }
        return fromSimilarity((image, text) -> logitsPerImage[image][text], n, ks);
    }

    /** Summary of 0-based ranks of the true matches at the given cut-offs. */
    public static RetrievalDirection summarize(int[] ranks, int[] ks) {
        if (ranks.length == 0) {
            throw new IllegalArgumentException("no queries to summarize");
        }
        int[] sorted = ranks.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(ranks).asDoubleStream().sum() / ranks.length + 1;
        int half = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2.0;
        double[] recalls = new double[ks.length];
        for (int c = 0; c < ks.length; c++) {
            if (ks[c] < 1) {
                throw new IllegalArgumentException("R@k cut-off must be at least 1, got " + ks[c]);
            }
            int hits = 0;
            for (int rank : ranks) {
                if (rank < ks[c]) {
                    hits++;
                }
            }
            recalls[c] = (double) hits / ranks.length;
        }
        return new RetrievalDirection(mean, Math.floor(median) + 1, ks, recalls);
    }

    private static RetrievalReport fromSimilarity(Similarity similarity, int n, int[] ks) {
        int[] imageToText = new int[n];
        int[] textToImage = new int[n];
        IntStream.range(0, n).parallel().forEach(query -> {
            imageToText[query] = rank(query, n, gallery -> similarity.of(query, gallery));
            textToImage[query] = rank(query, n, gallery -> similarity.of(gallery, query));
        });
        return new RetrievalReport(n, summarize(imageToText, ks), summarize(textToImage, ks));
    }

    /** 0-based rank of gallery item {@code query} among {@code n} items scored by {@code score}. */
    private static int rank(int query, int n, IntToDoubleFunction score) {
        double own = score.applyAsDouble(query);
        int ahead = 0;
        for (int g = 0; g < n; g++) {
            double s = score.applyAsDouble(g);
            if (s > own || (s == own && g < query)) {
                ahead++;
            }
        }
        return ahead;
    }

    private static double dot(float[] a, int aOffset, float[] b, int bOffset, int dim) {
        double sum = 0;
        for (int d = 0; d < dim; d++) {
            sum += (double) a[aOffset + d] * b[bOffset + d];
        }
        return sum;
    }

    private static float[] flatten(float[][] rows, int dim, String name) {
        float[] flat = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dim) {
                throw new IllegalArgumentException(name + " row " + i + " has " + rows[i].length
                        + " values, expected " + dim);
            }
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return flat;
    }

    /** Similarity of an image and a text, by index. */
    @FunctionalInterface
    private interface Similarity {
        double of(int image, int text);
    }
}
