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
 * embeddings are used, in float32 like the model's own matrix product. The similarity matrix is never
 * materialized: each similarity is computed once, in parallel blocks of images, and the integer rank counts do
 * not depend on the thread count.
 */
public final class RetrievalMetrics {
    /** R@k cut-offs reported by default. */
    public static final int[] DEFAULT_KS = {1, 5, 10, 50, 200};

    private static final int BLOCK_ROWS = 128;

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
        checkCutOffs(ks);
        double[] matched = new double[n];
        for (int i = 0; i < n; i++) {
            matched[i] = dot(images, i * dim, texts, i * dim, dim);
        }
        int[] imageToText = new int[n];
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        int[][] textToImageAhead = new int[blocks][];
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int[] ahead = new int[n];
            for (int image = block * BLOCK_ROWS; image < Math.min(n, (block + 1) * BLOCK_ROWS); image++) {
                int imageAhead = 0;
                for (int text = 0; text < n; text++) {
                    double s = dot(images, image * dim, texts, text * dim, dim);
                    if (s > matched[image] || (s == matched[image] && text < image)) {
                        imageAhead++;
                    }
                    if (s > matched[text] || (s == matched[text] && image < text)) {
                        ahead[text]++;
                    }
                }
                imageToText[image] = imageAhead;
            }
            textToImageAhead[block] = ahead;
        });
        int[] textToImage = new int[n];
        for (int[] ahead : textToImageAhead) {
            for (int text = 0; text < n; text++) {
                textToImage[text] += ahead[text];
            }
        }
        return new RetrievalReport(n, summarize(imageToText, ks), summarize(textToImage, ks));
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
        checkCutOffs(ks);
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
        checkCutOffs(ks);
        double[] recalls = new double[ks.length];
        for (int c = 0; c < ks.length; c++) {
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

    /**
     * Float32 dot product with eight independent accumulators (as a float32 matrix product accumulates; about
     * twice as fast as one serial accumulator). The summation order is fixed, so a pair always gets the same value.
     */
    private static double dot(float[] a, int aOffset, float[] b, int bOffset, int dim) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int d = 0;
        for (; d + 7 < dim; d += 8) {
            int i = aOffset + d;
            int j = bOffset + d;
            s0 += a[i] * b[j];
            s1 += a[i + 1] * b[j + 1];
            s2 += a[i + 2] * b[j + 2];
            s3 += a[i + 3] * b[j + 3];
            s4 += a[i + 4] * b[j + 4];
            s5 += a[i + 5] * b[j + 5];
            s6 += a[i + 6] * b[j + 6];
            s7 += a[i + 7] * b[j + 7];
        }
        for (; d < dim; d++) {
            s0 += a[aOffset + d] * b[bOffset + d];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static void checkCutOffs(int[] ks) {
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("R@k cut-off must be at least 1, got " + k);
            }
        }
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
