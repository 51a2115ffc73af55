package io.github.dermlip.train;

import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;

/** Very small CLIP architectures that train in seconds on a CPU. */
public final class TinyModels {
    private TinyModels() {}

    /** A 16-pixel ViT with one block and a one-block text tower over a 64-token vocabulary, context 8. */
    public static ModelConfig tiny() {
        return new ModelConfig(16, false, false, ModelConfig.DEFAULT_LOGIT_SCALE, null,
                new VisionConfig(16, 8, 32, 1, 16, 2.0), new TextConfig(8, 64, 32, 2, 1, 2.0, null));
    }
}
