package io.github.dermlip.core.hfclip;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Translates a Hugging Face {@code CLIPModel} {@code config.json} ({@code model_type: clip}) into the
 * {@link ModelConfig} of the equivalent open_clip model: a ViT image tower and a causal text tower in open_clip's
 * {@code CLIP} layout, with QuickGELU when both towers' {@code hidden_act} is {@code quick_gelu}.
 *
 * <p>Fields that {@code save_pretrained} leaves out take transformers 4.33's defaults (so a sparse hub config reads
 * as transformers reads it), and the legacy {@code text_config_dict} / {@code vision_config_dict} override the
 * sub-configs as they do in transformers. A field that would change the forward pass and is not implemented here
 * (another activation or LayerNorm eps, dropout, pruned heads, a pooling token other than the largest id) is refused
 * by name; so is any field this reader does not know. Fields of transformers' generic {@code PretrainedConfig} that
 * only concern generation or bookkeeping are ignored.
 */
public final class HfClipConfigReader {
    /** The text tower pools at {@code argmax(input_ids)} when its {@code eos_token_id} is this legacy value. */
    private static final int LEGACY_EOS_TOKEN_ID = 2;
    private static final double LAYER_NORM_EPS = 1e-5;

    /** transformers' {@code PretrainedConfig} attributes that do not change a CLIP forward pass. */
    private static final Set<String> GENERIC = Set.of("_name_or_path", "_commit_hash", "_attn_implementation_autoset",
            "transformers_version", "torch_dtype", "dtype", "use_bfloat16", "return_dict", "output_hidden_states",
            "output_attentions", "torchscript", "tf_legacy_loss", "tie_word_embeddings", "tie_encoder_decoder",
            "is_encoder_decoder", "is_decoder", "cross_attention_hidden_size", "add_cross_attention",
            "chunk_size_feed_forward", "max_length", "min_length", "do_sample", "early_stopping", "num_beams",
            "num_beam_groups", "diversity_penalty", "temperature", "top_k", "top_p", "typical_p", "repetition_penalty",
            "length_penalty", "no_repeat_ngram_size", "encoder_no_repeat_ngram_size", "bad_words_ids",
            "num_return_sequences", "output_scores", "return_dict_in_generate", "forced_bos_token_id",
            "forced_eos_token_id", "remove_invalid_values", "exponential_decay_length_penalty", "suppress_tokens",
            "begin_suppress_tokens", "finetuning_task", "id2label", "label2id", "tokenizer_class", "prefix",
            "bos_token_id", "eos_token_id", "pad_token_id", "sep_token_id", "decoder_start_token_id", "task_specific_params",
            "problem_type", "initializer_factor", "initializer_range", "gradient_checkpointing", "architectures",
            "projection_dim");
    private static final Set<String> TOP = Set.of("model_type", "projection_dim", "logit_scale_init_value",
            "text_config", "vision_config", "text_config_dict", "vision_config_dict", "architectures", "pruned_heads");
    private static final Set<String> TOWER = Set.of("model_type", "hidden_size", "intermediate_size",
            "num_hidden_layers", "num_attention_heads", "hidden_act", "layer_norm_eps", "attention_dropout", "dropout",
            "pruned_heads");
    private static final Set<String> TEXT = union(TOWER, Set.of("vocab_size", "max_position_embeddings",
            "eos_token_id"));
    private static final Set<String> VISION = union(TOWER, Set.of("image_size", "patch_size", "num_channels"));
    private static final String UNKNOWN = "is not a CLIPConfig field this library knows";

    private HfClipConfigReader() {}

    /**
     * Reads a {@code config.json}.
     *
     * @throws ConfigException naming the file and the field when the config is not a {@code CLIPModel} this library
     *     implements
     */
    public static ModelConfig read(Path configJson) {
        JsonSection root = JsonSection.read(configJson);
        root.refuseUnknown(TOP, GENERIC, UNKNOWN);
        String type = root.stringOr("model_type", null);
        if (!"clip".equals(type)) {
            throw root.error("model_type", "must be \"clip\" (a transformers CLIPModel), found "
                    + (type == null ? "nothing" : "\"" + type + "\""));
        }
        if (root.has("architectures") && !namesClipModel(root.raw("architectures"))) {
            throw root.error("architectures", "must name CLIPModel, found " + root.raw("architectures"));
        }
        refusePrunedHeads(root);
        JsonSection text = tower(root, "text_config", "clip_text_model", TEXT);
        JsonSection vision = tower(root, "vision_config", "clip_vision_model", VISION);
        boolean quickGelu = quickGelu(text);
        if (quickGelu != quickGelu(vision)) {
            throw vision.error("hidden_act", "differs from text_config.hidden_act; both towers must use the same"
                    + " activation here");
        }
        int embedDim = root.intOr("projection_dim", 512);
        double logitScale = root.doubleOr("logit_scale_init_value", 2.6592);
        VisionConfig visionConfig = visionConfig(vision);
        TextConfig textConfig = textConfig(text);
        try {
            return new ModelConfig(embedDim, quickGelu, false, logitScale, null, visionConfig, textConfig);
        } catch (ConfigException e) {
            throw root.wrap(e);
        }
    }

    private static boolean namesClipModel(JsonNode architectures) {
        for (JsonNode name : architectures) {
            if ("CLIPModel".equals(name.textValue())) {
                return true;
            }
        }
        return false;
    }

    private static JsonSection tower(JsonSection root, String field, String modelType, Set<String> known) {
        JsonSection tower = root.objectOrEmpty(field).overriddenBy(root.objectOrNull(field + "_dict"));
        tower.refuseUnknown(known, GENERIC, UNKNOWN);
        String type = tower.stringOr("model_type", modelType);
        if (!type.equals(modelType)) {
            throw tower.error("model_type", "must be \"" + modelType + "\", found \"" + type + "\"");
        }
        if (tower.doubleOr("layer_norm_eps", LAYER_NORM_EPS) != LAYER_NORM_EPS) {
            throw tower.error("layer_norm_eps", "must be 1e-5 (the only LayerNorm eps implemented)");
        }
        for (String dropout : new String[] {"attention_dropout", "dropout"}) {
            if (tower.doubleOr(dropout, 0.0) != 0.0) {
                throw tower.error(dropout, "must be 0 (dropout is not implemented)");
            }
        }
        refusePrunedHeads(tower);
        return tower;
    }

    private static void refusePrunedHeads(JsonSection section) {
        if (section.has("pruned_heads") && !section.raw("pruned_heads").isEmpty()) {
            throw section.error("pruned_heads", "must be empty (pruned attention heads are not implemented)");
        }
    }

    private static boolean quickGelu(JsonSection tower) {
        String act = tower.stringOr("hidden_act", "quick_gelu");
        return switch (act) {
            case "quick_gelu" -> true;
            case "gelu" -> false;
            default -> throw tower.error("hidden_act", "must be \"quick_gelu\" or \"gelu\", found \"" + act + "\"");
        };
    }

    private static VisionConfig visionConfig(JsonSection v) {
        if (v.intOr("num_channels", 3) != 3) {
            throw v.error("num_channels", "must be 3 (RGB)");
        }
        int width = v.intOr("hidden_size", 768);
        int heads = v.intOr("num_attention_heads", 12);
        if (heads <= 0 || width % heads != 0) {
            throw v.error("num_attention_heads", "must divide hidden_size " + width + ", found " + heads);
        }
        double mlpRatio = mlpRatio(v, width, 3072);
        try {
            return new VisionConfig(v.intOr("image_size", 224), v.intOr("patch_size", 32), width,
                    v.intOr("num_hidden_layers", 12), width / heads, mlpRatio);
        } catch (ConfigException e) {
            throw v.wrap(e);
        }
    }

    private static TextConfig textConfig(JsonSection t) {
        int vocab = t.intOr("vocab_size", 49408);
        int eos = t.intOr("eos_token_id", 49407);
        // Our tower pools at the first largest id. transformers pools there for the legacy eos id 2, and otherwise at
        // the first eos, which is the same position only when eos is the largest id of the vocabulary.
        if (eos != LEGACY_EOS_TOKEN_ID && eos != vocab - 1) {
            throw t.error("eos_token_id", "= " + eos + " is not supported: the text tower pools at the largest id, so"
                    + " eos_token_id must be " + LEGACY_EOS_TOKEN_ID + " (legacy) or vocab_size - 1 = " + (vocab - 1));
        }
        int width = t.intOr("hidden_size", 512);
        double mlpRatio = mlpRatio(t, width, 2048);
        try {
            return new TextConfig(t.intOr("max_position_embeddings", 77), vocab, width,
                    t.intOr("num_attention_heads", 8), t.intOr("num_hidden_layers", 12), mlpRatio, null);
        } catch (ConfigException e) {
            throw t.wrap(e);
        }
    }

    /** {@code intermediate_size / hidden_size}, checked to give back the same MLP width as open_clip computes it. */
    private static double mlpRatio(JsonSection tower, int width, int defaultIntermediate) {
        int intermediate = tower.intOr("intermediate_size", defaultIntermediate);
        double ratio = (double) intermediate / width;
        if (intermediate <= 0 || (int) (width * ratio) != intermediate) {
            throw tower.error("intermediate_size", "= " + intermediate + " is not a positive width that an open_clip"
                    + " mlp_ratio of hidden_size " + width + " gives back");
        }
        return ratio;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
