package io.github.dermlip.train;

import io.github.dermlip.core.config.OpenClipConfig;
import java.io.IOException;

/** Builds a run's {@link TrainingComponents} once the model's config (preprocessing, context length) is known. */
@FunctionalInterface
public interface ComponentsFactory {

    /** The components for training {@code model} under {@code config}. */
    TrainingComponents create(OpenClipConfig model, TrainConfig config) throws IOException;
}
