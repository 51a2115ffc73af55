package io.github.dermlip.train;

import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.image.AugmentationConfig;
import io.github.dermlip.core.image.EvalTransform;
import io.github.dermlip.core.image.TrainTransform;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared set-up of end-to-end training tests: a tiny model config file, word-level components and a base config. */
final class TestRuns {
    /** A ViT at 32 px with 2 blocks and a 2-block text tower over {@link WordTokenizer}'s vocabulary. */
    static final String TINY_MODEL_JSON = "{\"embed_dim\": 32,"
            + " \"vision_cfg\": {\"image_size\": 32, \"layers\": 2, \"width\": 64, \"patch_size\": 8, \"head_width\": 32},"
            + " \"text_cfg\": {\"context_length\": " + WordTokenizer.CONTEXT_LENGTH + ", \"vocab_size\": "
            + WordTokenizer.VOCAB_SIZE + ", \"width\": 64, \"heads\": 2, \"layers\": 2}}";

    private TestRuns() {}

    /** Writes the tiny model config into {@code dir} and returns its path. */
    static Path tinyModel(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("tiny-test.json"), TINY_MODEL_JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The word tokenizer with the model's standard transforms and the core decoder. */
    static ComponentsFactory wordComponents() {
        return components(new WordTokenizer());
    }

    /** {@code tokenizer} with the model's standard transforms and the core decoder. */
    static ComponentsFactory components(TextTokenizer tokenizer) {
        return (OpenClipConfig model, TrainConfig config) -> new TrainingComponents(tokenizer,
                new TrainTransform(model.preprocess(), AugmentationConfig.DEFAULT), new EvalTransform(model.preprocess()),
                StandardComponents.DECODER);
    }

    /** A quiet, small-batch config over {@code trainCsv} writing under {@code dir/logs/name}. */
    static TrainConfig.Builder config(Path dir, Path trainCsv, String name) {
        return TrainConfig.builder().trainData(trainCsv.toString()).model(tinyModel(dir).toString()).batchSize(16)
                .epochs(2).lr(1e-3).wd(0.1).warmup(4).seed(7).workers(2).logs(dir.resolve("logs")).name(name)
                .logEveryNSteps(1).quiet(true);
    }
}
