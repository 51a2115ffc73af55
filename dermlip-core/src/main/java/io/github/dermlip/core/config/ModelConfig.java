package io.github.dermlip.core.config;

import java.util.Objects;

/**
 * An open_clip {@code model_cfg}: an image tower, a text tower and the shared embedding.
 *
 * @param embedDim width of the joint embedding space
 * @param quickGelu use QuickGELU {@code x * sigmoid(1.702 x)} instead of exact GELU
 * @param customText the checkpoint uses open_clip's {@code CustomTextCLIP} layout (text keys under {@code text.})
 * @param initLogitScale initial value of the learnable log temperature, ln(1/0.07) by default
 * @param initLogitBias initial logit bias for SigLIP training, or null when the model has none
 * @param vision the image tower
 * @param text the text tower
 */
public record ModelConfig(int embedDim, boolean quickGelu, boolean customText, double initLogitScale,
        Double initLogitBias, VisionConfig vision, TextConfig text) {

    /** open_clip's default initial logit scale, ln(1/0.07). */
    public static final double DEFAULT_LOGIT_SCALE = Math.log(1 / 0.07);

    /** Validates that both towers are present. */
    public ModelConfig {
        if (embedDim <= 0) {
            throw new ConfigException("model_cfg: embed_dim must be positive, found " + embedDim);
        }
        Objects.requireNonNull(vision, "vision_cfg");
        Objects.requireNonNull(text, "text_cfg");
    }

    /** A copy with another image tower. */
    public ModelConfig withVision(VisionConfig other) {
        return new ModelConfig(embedDim, quickGelu, customText, initLogitScale, initLogitBias, other, text);
    }

    /** A copy with another initial logit bias (SigLIP adds one, init -10). */
    public ModelConfig withInitLogitBias(Double bias) {
        return new ModelConfig(embedDim, quickGelu, customText, initLogitScale, bias, vision, text);
    }
}
