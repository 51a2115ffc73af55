package io.github.dermlip.synth;

import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.render.SkinImageRenderer;

/**
 * What to generate. The defaults size the dataset for the CPU demo: 3,000 pretraining pairs, 600/200/600 labelled
 * evaluation images, 500 retrieval pairs, 64 x 64 pixels. The thread count only changes speed, never the output.
 *
 * @param seed dataset seed; same seed and sizes give byte-identical files
 * @param imageSize image side in pixels
 * @param pretrainPairs number of pretraining image-caption pairs
 * @param evalTrain labelled images for probe training
 * @param evalVal labelled images for probe validation
 * @param evalTest labelled images for testing (zero-shot, probe, concept annotation)
 * @param retrievalPairs held-out image-caption pairs for retrieval
 * @param threads worker threads for rendering and encoding
 */
public record SkinSynthOptions(long seed, int imageSize, int pretrainPairs, int evalTrain, int evalVal, int evalTest,
                               int retrievalPairs, int threads) {

    /** Default dataset seed. */
    public static final long DEFAULT_SEED = 20250301L;

    /** Validates every size. */
    public SkinSynthOptions {
        if (imageSize < SkinImageRenderer.MIN_SIZE || imageSize > SkinImageRenderer.MAX_SIZE) {
            throw new IllegalArgumentException("imageSize must be in [" + SkinImageRenderer.MIN_SIZE + ", "
                    + SkinImageRenderer.MAX_SIZE + "], got " + imageSize);
        }
        requireAtLeast("pretrainPairs", pretrainPairs, 1);
        int classes = Diagnosis.values().length;
        requireAtLeast("evalTrain", evalTrain, classes);
        requireAtLeast("evalVal", evalVal, classes);
        requireAtLeast("evalTest", evalTest, classes);
        requireAtLeast("retrievalPairs", retrievalPairs, 1);
        requireAtLeast("threads", threads, 1);
    }

    /** The demo defaults, using every available processor. */
    public static SkinSynthOptions defaults() {
        return new SkinSynthOptions(DEFAULT_SEED, 64, 3000, 600, 200, 600, 500,
                Runtime.getRuntime().availableProcessors());
    }

    /** A copy with another seed. */
    public SkinSynthOptions withSeed(long newSeed) {
        return new SkinSynthOptions(newSeed, imageSize, pretrainPairs, evalTrain, evalVal, evalTest, retrievalPairs,
                threads);
    }

    /** A copy with another image size. */
    public SkinSynthOptions withImageSize(int newSize) {
        return new SkinSynthOptions(seed, newSize, pretrainPairs, evalTrain, evalVal, evalTest, retrievalPairs,
                threads);
    }

    /** A copy with other split sizes. */
    public SkinSynthOptions withSizes(int pretrain, int train, int val, int test, int retrieval) {
        return new SkinSynthOptions(seed, imageSize, pretrain, train, val, test, retrieval, threads);
    }

    /** A copy with another thread count. */
    public SkinSynthOptions withThreads(int newThreads) {
        return new SkinSynthOptions(seed, imageSize, pretrainPairs, evalTrain, evalVal, evalTest, retrievalPairs,
                newThreads);
    }

    /** Number of samples in a split. */
    public int count(DatasetSplit split) {
        return switch (split) {
            case PRETRAIN -> pretrainPairs;
            case EVAL_TRAIN -> evalTrain;
            case EVAL_VAL -> evalVal;
            case EVAL_TEST -> evalTest;
            case RETRIEVAL -> retrievalPairs;
        };
    }

    private static void requireAtLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
        }
    }
}
