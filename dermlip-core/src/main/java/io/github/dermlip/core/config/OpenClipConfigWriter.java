package io.github.dermlip.core.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Writes a config as a hub {@code open_clip_config.json} document that open_clip (and {@link OpenClipConfigReader})
 * reads back to the same config. Model names ({@code hf_model_name}, {@code timm_model_name}) are written as they
 * were read, so a relative folder stays relative to the model folder.
 */
public final class OpenClipConfigWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenClipConfigWriter() {}

    /** The config as a JSON document. */
    public static ObjectNode toJson(OpenClipConfig config) {
        ModelConfig m = config.model();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode model = root.putObject("model_cfg");
        model.put("embed_dim", m.embedDim());
        if (m.quickGelu()) {
            model.put("quick_gelu", true);
        }
        if (m.customText()) {
            model.put("custom_text", true);
        }
        if (m.initLogitScale() != ModelConfig.DEFAULT_LOGIT_SCALE) {
            model.put("init_logit_scale", m.initLogitScale());
        }
        if (m.initLogitBias() != null) {
            model.put("init_logit_bias", m.initLogitBias());
        }
        writeVision(m.vision(), model.putObject("vision_cfg"));
        writeText(m.text(), model.putObject("text_cfg"));
        PreprocessConfig p = config.preprocess();
        ObjectNode pre = root.putObject("preprocess_cfg");
        pre.putPOJO("mean", p.mean());
        pre.putPOJO("std", p.std());
        pre.put("interpolation", p.interpolation().name().toLowerCase(Locale.ROOT));
        pre.put("resize_mode", p.resizeMode().name().toLowerCase(Locale.ROOT));
        pre.put("size", p.size());
        if (p.fillColor() != 0) {
            pre.put("fill_color", p.fillColor());
        }
        return root;
    }

    private static void writeVision(VisionConfig v, ObjectNode vision) {
        TimmVisionConfig timm = v.timm();
        if (timm != null) {
            vision.put("timm_model_name", timm.modelName());
            vision.put("timm_model_pretrained", timm.pretrained());
            vision.put("timm_pool", timm.pool());
            vision.put("timm_proj", "linear");
            if (timm.projBias()) {
                vision.put("timm_proj_bias", true);
            }
            vision.put("image_size", v.imageSize());
            return;
        }
        vision.put("image_size", v.imageSize());
        vision.put("layers", v.layers());
        vision.put("width", v.width());
        vision.put("patch_size", v.patchSize());
        vision.put("head_width", v.headWidth());
        vision.put("mlp_ratio", v.mlpRatio());
        if (v.panDerm()) {
            // The Derm1M fork's field; null as in the published PanDerm config (the checkpoint holds the weights).
            vision.putNull("pretrain_path");
        }
    }

    private static void writeText(TextConfig t, ObjectNode text) {
        text.put("context_length", t.contextLength());
        HfTextConfig hf = t.hf();
        if (hf != null) {
            text.put("hf_model_name", hf.modelName());
            text.put("hf_model_pretrained", hf.pretrained());
            text.put("hf_pooler_type", hf.pooler().openClipName());
            text.put("hf_proj_type", hf.projection().openClipName());
        } else {
            text.put("vocab_size", t.vocabSize());
            text.put("width", t.width());
            text.put("heads", t.heads());
            text.put("layers", t.layers());
            text.put("mlp_ratio", t.mlpRatio());
        }
        if (t.hfTokenizerName() != null) {
            text.put("hf_tokenizer_name", t.hfTokenizerName());
        }
    }
}
