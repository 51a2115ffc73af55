package io.github.dermlip.eval.task;

import java.util.stream.IntStream;

/**
 * The 0-based rank of every query's true match in both retrieval directions over 1:1 image-text pairs, with the
 * conventions of {@link io.github.dermlip.eval.metrics.RetrievalMetrics}: similarity is the dot product of the
 * (normalized) embeddings, and a gallery item with exactly the true match's similarity ranks ahead of it when its
 * index is smaller. Similarities are accumulated in double precision. Images are split into a few contiguous
 * chunks per core that run in parallel, each counting text ranks in its own array (so memory stays a few arrays
 * of {@code n} per core); the integer counts do not depend on the thread count.
 *
 * @param imageToText rank of text {@code i} among all texts for image {@code i}
 * @param textToImage rank of image {@code i} among all images for text {@code i}
 */
record QueryRanks(int[] imageToText, int[] textToImage) {
    private static final int CHUNKS_PER_CORE = 4;

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
        int chunks = Math.max(1, Math.min(n, CHUNKS_PER_CORE * Runtime.getRuntime().availableProcessors()));
        int[][] textAhead = new int[chunks][];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int[] ahead = new int[n];
            int end = (int) ((long) (chunk + 1) * n / chunks);
            for (int image = (int) ((long) chunk * n / chunks); image < end; image++) {
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
            textAhead[chunk] = ahead;
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
