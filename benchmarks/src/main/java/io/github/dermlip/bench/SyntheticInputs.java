package io.github.dermlip.bench;

import java.util.SplittableRandom;

/**
 * Model inputs made up for timing: Gaussian pixels and token-id rows shaped like tokenized captions.
 *
 * <p>Caption {@code i} is {@link #captionLength(int)} tokens long: start-of-text ({@code vocab - 2}), random
 * ordinary ids, end-of-text ({@code vocab - 1}, the largest id, where the text tower pools), then zero padding.
 * The lengths follow a fixed rule rather than a random draw so that {@code benchmarks/python/reference_bench.py},
 * which applies the same rule, times exactly the same shapes.
 */
public final class SyntheticInputs {
    /** Shortest caption, in tokens including start and end of text. */
    public static final int MIN_CAPTION_TOKENS = 10;
    /** Longest caption, in tokens including start and end of text. */
    public static final int MAX_CAPTION_TOKENS = 40;

    private SyntheticInputs() {}

    /**
     * Length of caption {@code i}: {@code 10 + (17 i mod 31)}, which visits every length from 10 to 40 once in
     * any 31 consecutive captions.
     */
    public static int captionLength(int i) {
        int span = MAX_CAPTION_TOKENS - MIN_CAPTION_TOKENS + 1;
        return MIN_CAPTION_TOKENS + (int) ((17L * i) % span);
    }

    /** The longest caption among the first {@code count}, i.e. how many positions the trimmed text tower runs. */
    public static int longestCaption(int count) {
        int longest = 0;
        for (int i = 0; i < count; i++) {
            longest = Math.max(longest, captionLength(i));
        }
        return longest;
    }

    /**
     * Token ids [count, contextLength] in row-major order.
     *
     * @param vocabSize the vocabulary size; start and end of text are its two largest ids
     */
    public static long[] captionIds(int count, int contextLength, int vocabSize, long seed) {
        if (contextLength < MAX_CAPTION_TOKENS) {
            throw new IllegalArgumentException("context length " + contextLength + " is shorter than the longest"
                    + " synthetic caption (" + MAX_CAPTION_TOKENS + " tokens)");
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[count * contextLength];
        for (int row = 0; row < count; row++) {
            int offset = row * contextLength;
            int length = captionLength(row);
            ids[offset] = vocabSize - 2;
            for (int j = 1; j < length - 1; j++) {
                ids[offset + j] = 1 + random.nextInt(vocabSize - 3);
            }
            ids[offset + length - 1] = vocabSize - 1;
        }
        return ids;
    }

    /** Standard-normal pixels [count, 3, size, size] in row-major order. */
    public static float[] pixels(int count, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] pixels = new float[count * 3 * size * size];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) gaussian(random);
        }
        return pixels;
    }

    /** One standard-normal draw (Box-Muller). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
