package io.github.dermlip.core.retrieval;

import java.util.stream.IntStream;

/**
 * The 0-based rank of every query's true match in both retrieval directions over 1:1 image-text pairs (image
 * {@code i} belongs with text {@code i}), as open_clip's {@code get_clip_metrics} ranks them: the position of the
 * true match in the gallery sorted by decreasing similarity.
 *
 * <p>The one tie rule of the library: a gallery item with exactly the true match's similarity ranks ahead of it
 * when its index is smaller (a stable sort by decreasing similarity, which is what open_clip's {@code argsort}
 * does on CPU). Duplicate captions therefore do not lift each other's recall.
 *
 * <p>Similarities are float32 dot products of the embeddings, accumulated in a fixed order, so a pair always gets
 * the same value; the similarity matrix is never materialized. Images run in parallel blocks, and the integer
 * counts do not depend on the thread count.
 *
 * @param imageToText rank of text {@code i} among all texts for image {@code i}
 * @param textToImage rank of image {@code i} among all images for text {@code i}
 */
public record PairRanks(int[] imageToText, int[] textToImage) {
    private static final int BLOCK_ROWS = 128;

    /** Ranks from {@code [n][dim]} image and text embeddings (normally L2-normalized). */
    public static PairRanks ofEmbeddings(float[][] images, float[][] texts) {
        if (images.length != texts.length) {
            throw new IllegalArgumentException("images (" + images.length + ") and texts (" + texts.length
                    + ") must be 1:1 pairs");
        }
        int dim = images.length == 0 ? 0 : images[0].length;
        return ofEmbeddings(flatten(images, dim, "images"), flatten(texts, dim, "texts"), images.length, dim);
    }

    /**
     * Ranks from row-major flat embeddings.
     *
     * @param images {@code n * dim} image embeddings
     * @param texts {@code n * dim} text embeddings
     */
    public static PairRanks ofEmbeddings(float[] images, float[] texts, int n, int dim) {
        if (images.length != (long) n * dim || texts.length != (long) n * dim) {
            throw new IllegalArgumentException("flat embeddings must hold n*dim = " + (long) n * dim
                    + " values, got " + images.length + " (images) and " + texts.length + " (texts)");
        }
        return ofSimilarity((image, text) -> dot(images, image * dim, texts, text * dim, dim), n);
    }

    /** Ranks from a square {@code [image][text]} logits (or similarity) matrix. */
    public static PairRanks ofLogits(float[][] logitsPerImage) {
        int n = logitsPerImage.length;
        for (int i = 0; i < n; i++) {
            if (logitsPerImage[i].length != n) {
                throw new IllegalArgumentException("logits must be square: row " + i + " has "
                        + logitsPerImage[i].length + " columns, expected " + n);
            }
        }
        return ofSimilarity((image, text) -> logitsPerImage[image][text], n);
    }

    /** Each similarity is computed once: it counts for the image query and for the text query at the same time. */
    private static PairRanks ofSimilarity(Similarity similarity, int n) {
        double[] matched = new double[n];
        for (int i = 0; i < n; i++) {
            matched[i] = similarity.of(i, i);
        }
        int[] imageToText = new int[n];
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        int[][] textAhead = new int[blocks][];
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int[] ahead = new int[n];
            for (int image = block * BLOCK_ROWS; image < Math.min(n, (block + 1) * BLOCK_ROWS); image++) {
                int imageAhead = 0;
                for (int text = 0; text < n; text++) {
                    double s = similarity.of(image, text);
                    if (ranksAhead(s, text, matched[image], image)) {
                        imageAhead++;
                    }
                    if (ranksAhead(s, image, matched[text], text)) {
                        ahead[text]++;
                    }
                }
                imageToText[image] = imageAhead;
            }
            textAhead[block] = ahead;
        });
        int[] textToImage = new int[n];
        for (int[] ahead : textAhead) {
            for (int text = 0; text < n; text++) {
                textToImage[text] += ahead[text];
            }
        }
        return new PairRanks(imageToText, textToImage);
    }

    /** The tie rule: whether gallery item {@code index} scoring {@code score} ranks ahead of the true match. */
    private static boolean ranksAhead(double score, int index, double matchScore, int matchIndex) {
        return score > matchScore || (score == matchScore && index < matchIndex);
    }

    /**
     * Float32 dot product with eight independent accumulators (as a float32 matrix product accumulates; about
     * twice as fast as one serial accumulator).
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
