package io.github.dermlip.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.model.ClipModel;
import java.util.function.Consumer;

/**
 * Inference throughput of the two towers: {@link ClipModel#encodeImage} on a batch of preprocessed images and
 * {@link ClipModel#encodeText} on a batch of token ids, without gradient recording, each timed from host
 * arrays to embeddings. Reports the median rate over the timed repetitions after one warm-up.
 */
public final class EncodingBench {
    static final long SEED = 7;

    private EncodingBench() {}

    /** Images per second of the image tower of a randomly initialized {@code config} on batches of {@code batch}. */
    public static double imagesPerSecond(ModelConfig config, int batch, int repeats) {
        try (NDManager root = NDManager.newBaseManager(); NoGradScope noGrad = NoGradScope.enter()) {
            return imagesPerSecond(randomModel(config, root), root, batch, repeats);
        }
    }

    /** Images per second of {@code model}'s image tower on batches of {@code batch}, gradients off. */
    static double imagesPerSecond(ClipModel model, NDManager root, int batch, int repeats) {
        int size = model.config().vision().imageSize();
        float[] pixels = SyntheticInputs.pixels(batch, size, SEED);
        Shape shape = new Shape(batch, 3, size, size);
        return medianRate(root, batch, repeats, scope -> model.encodeImage(scope.create(pixels, shape)).toFloatArray());
    }

    /** Captions per second of the text tower of a randomly initialized {@code config} on batches of {@code batch}. */
    public static double captionsPerSecond(ModelConfig config, int batch, int repeats) {
        int context = config.text().contextLength();
        long[] ids = SyntheticInputs.captionIds(batch, context, config.text().vocabSize(), SEED);
        Shape shape = new Shape(batch, context);
        try (NDManager root = NDManager.newBaseManager(); NoGradScope noGrad = NoGradScope.enter()) {
            ClipModel model = randomModel(config, root);
            return medianRate(root, batch, repeats, scope -> model.encodeText(scope.create(ids, shape)).toFloatArray());
        }
    }

    /** A model of {@code config} with the benchmark's seeded random weights, in {@code root}. */
    static ClipModel randomModel(ModelConfig config, NDManager root) {
        Engine.getInstance().setRandomSeed((int) SEED);
        return ClipModel.create(config, root);
    }

    /** Median items per second of {@code encode} on one batch, after one untimed warm-up call. */
    private static double medianRate(NDManager root, int batch, int repeats, Consumer<NDManager> encode) {
        double[] rates = new double[repeats];
        for (int i = -1; i < repeats; i++) {
            long start = System.nanoTime();
            try (NDManager scope = root.newSubManager()) {
                encode.accept(scope);
            }
            if (i >= 0) {
                rates[i] = batch / ((System.nanoTime() - start) / 1e9);
            }
        }
        return Medians.of(rates);
    }
}
