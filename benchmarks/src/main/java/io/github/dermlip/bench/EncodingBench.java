package io.github.dermlip.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.model.ClipModel;

/**
 * Inference throughput of the two towers: {@link ClipModel#encodeImage} on a batch of preprocessed images and
 * {@link ClipModel#encodeText} on a batch of token ids, without gradient recording, each timed from host
 * arrays to embeddings. Reports the median rate over the timed repetitions after one warm-up.
 */
public final class EncodingBench {
    private static final long SEED = 7;

    private EncodingBench() {}

    /** Images per second of the image tower of a randomly initialized {@code config} on batches of {@code batch}. */
    public static double imagesPerSecond(ModelConfig config, int batch, int repeats) {
        int size = config.vision().imageSize();
        float[] pixels = SyntheticInputs.pixels(batch, size, SEED);
        Shape shape = new Shape(batch, 3, size, size);
        return medianRate(config, batch, repeats, (model, scope) -> model.encodeImage(scope.create(pixels, shape)));
    }

    /** Captions per second of the text tower of a randomly initialized {@code config} on batches of {@code batch}. */
    public static double captionsPerSecond(ModelConfig config, int batch, int repeats) {
        int context = config.text().contextLength();
        long[] ids = SyntheticInputs.captionIds(batch, context, config.text().vocabSize(), SEED);
        Shape shape = new Shape(batch, context);
        return medianRate(config, batch, repeats, (model, scope) -> model.encodeText(scope.create(ids, shape)));
    }

    /** Median items per second of {@code encode} on one batch, after one untimed warm-up call. */
    private static double medianRate(ModelConfig config, int batch, int repeats,
            java.util.function.BiConsumer<ClipModel, NDManager> encode) {
        try (NDManager root = NDManager.newBaseManager(); NoGradScope noGrad = NoGradScope.enter()) {
            Engine.getInstance().setRandomSeed((int) SEED);
            ClipModel model = ClipModel.create(config, root);
            double[] rates = new double[repeats];
            for (int i = -1; i < repeats; i++) {
                long start = System.nanoTime();
                try (NDManager scope = root.newSubManager()) {
                    encode.accept(model, scope);
                }
                if (i >= 0) {
                    rates[i] = batch / ((System.nanoTime() - start) / 1e9);
                }
            }
            return Medians.of(rates);
        }
    }
}
