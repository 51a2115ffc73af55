package io.github.dermlip.core.config;

import java.util.Locale;
import java.util.Objects;

/**
 * open_clip's Hugging Face text tower ({@code HFTextEncoder}): a BERT encoder, a pooler and a projection.
 *
 * @param modelName {@code text_cfg.hf_model_name}, a hub repository or a folder relative to the model
 * @param pretrained {@code text_cfg.hf_model_pretrained}; kept to write the config back, the checkpoint's weights
 *     replace any pretrained ones
 * @param pooler {@code text_cfg.hf_pooler_type}
 * @param projection {@code text_cfg.hf_proj_type}
 * @param bert the encoder's architecture, from the {@code config.json} of {@code modelName}
 */
public record HfTextConfig(String modelName, boolean pretrained, Pooler pooler, Projection projection, BertConfig bert) {

    /** Checks that every part is present. */
    public HfTextConfig {
        Objects.requireNonNull(modelName, "hf_model_name");
        Objects.requireNonNull(pooler, "hf_pooler_type");
        Objects.requireNonNull(projection, "hf_proj_type");
        Objects.requireNonNull(bert, "bert");
    }

    /** How the encoder's last hidden state becomes one vector per text, named as in open_clip. */
    public enum Pooler {
        /** The mean over every non-pad position, [CLS] and [SEP] included. */
        MEAN_POOLER,
        /** BERT's own pooler, {@code tanh(dense(h[:, 0]))}. */
        CLS_POOLER,
        /** The last hidden state at position 0 ([CLS]); no BERT pooler is built. */
        CLS_LAST_HIDDEN_STATE_POOLER;

        /** open_clip's name of the pooler. */
        public String openClipName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The projection from the encoder width to the joint embedding, named as in open_clip. */
    public enum Projection {
        /** Linear(H, (H+E)/2, no bias), GELU, Linear(., E, no bias); open_clip's default. */
        MLP,
        /** Linear(H, E, no bias). */
        LINEAR,
        /** None: the pooled vector is the embedding (H must equal E). */
        NONE;

        /** open_clip's name of the projection, null for none. */
        public String openClipName() {
            return this == NONE ? null : name().toLowerCase(Locale.ROOT);
        }
    }
}
