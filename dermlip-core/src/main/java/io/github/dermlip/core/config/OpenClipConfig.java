package io.github.dermlip.core.config;

import java.util.Objects;

/**
 * The contents of an open_clip hub {@code open_clip_config.json}: model architecture and preprocessing.
 *
 * @param model the architecture ({@code model_cfg})
 * @param preprocess the eval transform ({@code preprocess_cfg}); defaults when the file has none
 */
public record OpenClipConfig(ModelConfig model, PreprocessConfig preprocess) {

    /** Checks that both parts are present. */
    public OpenClipConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(preprocess, "preprocess");
    }

    /** A copy with another architecture and the same preprocessing. */
    public OpenClipConfig withModel(ModelConfig other) {
        return new OpenClipConfig(other, preprocess);
    }
}
