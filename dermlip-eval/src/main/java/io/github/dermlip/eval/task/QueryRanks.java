package io.github.dermlip.eval.task;

import java.util.stream.IntStream;

/**
 * The 0-based rank of every query's true match in both retrieval directions over 1:1 image-text pairs, with the
 * conventions of {@link io.github.dermlip.eval.metrics.RetrievalMetrics}: similarity is the dot product of the
 * (normalized) embeddings, and a gallery item with exactly the true match's similarity ranks ahead of it when its
 * index is smaller. Similarities are accumulated in double precision; blocks of images run in parallel and the
 * integer counts do not depend on the thread count.
 *
 * @param imageToText rank of text {@code i} among all texts for image {@code i}
 * @param textToImage rank of image {@code i} among all images for text {@code i}
 */
record QueryRanks(int[] imageToText, int[] textToImage) {
    private static final int BLOCK_ROWS = 64;

    /** Ranks from {@code [n][dim]} image and text embeddings. */
    static QueryRanks of(float[][] images, float[][] texts) {
        int n = images.length;
        if (texts.length != n) {
            throw new IllegalArgumentException("images (" + n + ") and texts (" + texts.length
                    + ") must be 1:1 pairs");
        }
        double[] matched = new double[n];
        for (int i = 0; i < n; i++) {
            if (images[i].length != texts[i].length) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length
                        + " embedding values, its text " + texts[i].length);
            }
            matched[i] = dot(images[i], texts[i]);
        }
        int[] imageToText = new int[n];
        int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
        int[][] textAhead = new int[blocks][];
        IntStream.range(0, blocks).parallel().forEach(block -> {
            int[] ahead = new int[n];
            for (int image = block * BLOCK_ROWS; image < Math.min(n, (block + 1) * BLOCK_ROWS); image++) {
                int count = 0;
                for (int text = 0; text < n; text++) {
                    double s = dot(images[image], texts[text]);
                    if (s > matched[image] || (s == matched[image] && text < image)) {
                        count++;
                    }
                    if (s > matched[text] || (s == matched[text] && image < text)) {
                        ahead[text]++;
                    }
                }
                imageToText[image] = count;
            }
            textAhead[block] = ahead;
        });
        int[] textToImage = new int[n];
        for (int[] ahead : textAhead) {
            for (int text = 0; text < n; text++) {
                textToImage[text] += ahead[text];
            }
        }
        return new QueryRanks(imageToText, textToImage);
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different widths: " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += (double) a[d] * b[d];
        }
        return sum;
    }
}
