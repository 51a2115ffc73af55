package io.github.dermlip.core.model;

import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;

/**
 * Names the config fields, with their values, that decide the shape of a parameter under a state-dict key, so a
 * shape mismatch can say which field of the config is wrong.
 */
final class ConfigFields {
    private ConfigFields() {}

    /** The fields behind the shape of {@code key} in a model built from {@code config}. */
    static String behind(String key, ModelConfig config) {
        VisionConfig v = config.vision();
        TextConfig t = config.text();
        if (key.startsWith("visual.")) {
            if (v.timm() != null) {
                return "vision_cfg.timm_model_name = " + v.timm().modelName() + " (" + v.timm().trunk().source() + ")";
            }
            if (key.contains("pos") && key.contains("embed")) {
                return "vision_cfg.image_size = " + v.imageSize() + " with vision_cfg.patch_size = " + v.patchSize();
            }
            if (key.contains("conv1") || key.contains("patch_embed")) {
                return "vision_cfg.patch_size = " + v.patchSize() + " with vision_cfg.width = " + v.width();
            }
            if (key.contains("mlp.")) {
                return "vision_cfg.mlp_ratio = " + v.mlpRatio() + " with vision_cfg.width = " + v.width();
            }
            if (key.equals("visual.proj") || key.startsWith("visual.head")) {
                return "embed_dim = " + config.embedDim() + " with vision_cfg.width = " + v.width();
            }
            return "vision_cfg.width = " + v.width();
        }
        if (t.hf() != null) {
            return key.startsWith("text.proj") ? "embed_dim = " + config.embedDim()
                    : "text_cfg.hf_model_name = " + t.hf().modelName() + " (" + t.hf().bert().source() + ")";
        }
        if (key.contains("token_embedding")) {
            return "text_cfg.vocab_size = " + t.vocabSize() + " with text_cfg.width = " + t.width();
        }
        if (key.endsWith("positional_embedding")) {
            return "text_cfg.context_length = " + t.contextLength();
        }
        if (key.contains("mlp.")) {
            return "text_cfg.mlp_ratio = " + t.mlpRatio() + " with text_cfg.width = " + t.width();
        }
        if (key.endsWith("text_projection")) {
            return "embed_dim = " + config.embedDim() + " with text_cfg.width = " + t.width();
        }
        return key.startsWith("logit") ? key : "text_cfg.width = " + t.width();
    }
}
