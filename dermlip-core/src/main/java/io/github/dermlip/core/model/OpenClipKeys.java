package io.github.dermlip.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.github.dermlip.core.config.ConfigException;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows open_clip's state-dict names: maps them to and from {@link ClipModel} parameters, for
 * every tower family, and matches a checkpoint's keys to a tower layout.
 *
 * <p>Image keys live under {@code visual.}: open_clip's ViT ({@code visual.conv1.weight},
 * {@code visual.transformer.resblocks.N.*}, ...), open_clip's {@code TimmModel} ({@code visual.trunk.*} in timm's
 * names, {@code visual.head.proj.*}) or the Derm1M fork's PanDerm CAE ViT ({@code visual.patch_embed.*},
 * {@code visual.blocks.N.*} with {@code q_bias}, {@code v_bias}, {@code gamma_1}, {@code gamma_2}, {@code visual.head.*}).
 * Causal text keys are at the top level for open_clip's {@code CLIP} ({@code token_embedding.weight},
 * {@code positional_embedding}, {@code transformer.resblocks.N.*}, {@code ln_final.*}, {@code text_projection}) or
 * under {@code text.} for {@code CustomTextCLIP}, as the config's {@code custom_text} says; a Hugging Face BERT tower
 * is {@code text.transformer.*} in transformers' names plus {@code text.proj.*}. Linear and attention weights are
 * [out, in] exactly as in torch; fused attention projections keep torch's [q; k; v] rows. {@code logit_scale} (and
 * SigLIP's {@code logit_bias}) is 0-d, and a 1-d [1] one (open_clip's {@code nonscalar_logit_scale}) is accepted on
 * load.
 */
public final class OpenClipKeys {
    private static final String DDP_PREFIX = "module.";
    /** A non-persistent buffer since transformers 4.31 that older BERT checkpoints carry; open_clip drops it too. */
    private static final String BERT_POSITION_IDS = "text.transformer.embeddings.position_ids";
    private static final String BERT = "text.transformer.";

    private OpenClipKeys() {}

    /** Every parameter of the model under its open_clip state-dict key. */
    public static Map<String, Parameter> parameters(ClipModel model) {
        Map<String, Parameter> keys = new LinkedHashMap<>();
        ImageTower image = model.vision();
        if (image instanceof VisionTransformer v) {
            putVisionTransformer(keys, v);
        } else if (image instanceof TimmVisionTower timm) {
            putTimm(keys, timm);
        } else if (image instanceof PanDermVisionTower panDerm) {
            putPanDerm(keys, panDerm);
        } else {
            throw new IllegalArgumentException("no open_clip keys for image tower " + image.getClass().getName());
        }
        TextTower text = model.text();
        if (text instanceof TextTransformer t) {
            putTextTransformer(keys, t, model.config().customText() ? "text." : "");
        } else if (text instanceof BertTextTower bert) {
            putBert(keys, bert);
        } else {
            throw new IllegalArgumentException("no open_clip keys for text tower " + text.getClass().getName());
        }
        keys.put("logit_scale", model.logitScale());
        if (model.logitBias() != null) {
            keys.put("logit_bias", model.logitBias());
        }
        return keys;
    }

    /**
     * The config a checkpoint's keys call for, checked before any model is built: the image and text layouts are
     * matched to the config (the PanDerm tower, which configs do not name, is recognised here), and every tower's
     * number of blocks is compared with the config, so that a config asking for more layers than the weights hold is
     * refused before anything is allocated.
     *
     * @param keys the checkpoint's keys
     * @param configSource names the config file in errors
     * @param weightsSource names the weights file in errors
     * @throws ConfigException naming both files, the config field and its value, or the layouts tried
     */
    public static ModelConfig fitToCheckpoint(ModelConfig config, Set<String> keys, String configSource,
            String weightsSource) {
        Set<String> names = normalized(keys);
        ImageLayout image = ImageLayout.detect(names, weightsSource);
        VisionConfig v = config.vision();
        if (image == ImageLayout.TIMM && v.timm() == null) {
            throw new ConfigException(configSource + ": field 'vision_cfg.timm_model_name' is missing, but "
                    + weightsSource + " holds a timm image tower (" + image.probe + ")");
        }
        if (image != ImageLayout.TIMM && v.timm() != null) {
            throw new ConfigException(configSource + ": field 'vision_cfg.timm_model_name' is '" + v.timm().modelName()
                    + "', but " + weightsSource + " holds " + image.description + " (" + image.probe + ")");
        }
        if (image == ImageLayout.OPEN_CLIP_VIT && v.panDerm()) {
            throw new ConfigException(configSource + ": the model is named as a PanDerm model, but " + weightsSource
                    + " holds " + image.description + " (" + image.probe + ")");
        }
        ModelConfig fitted = image == ImageLayout.PANDERM && !v.panDerm() ? config.withVision(v.asPanDerm()) : config;
        boolean bert = names.contains(BERT + "embeddings.word_embeddings.weight");
        boolean causal = names.contains("token_embedding.weight") || names.contains("text.token_embedding.weight");
        if (!bert && !causal) {
            throw new ConfigException(weightsSource + ": the keys match no known text tower layout; tried open_clip's"
                    + " causal text transformer (token_embedding.weight or text.token_embedding.weight) and a Hugging"
                    + " Face BERT (" + BERT + "embeddings.word_embeddings.weight)");
        }
        TextConfig t = config.text();
        if (bert && t.hf() == null) {
            throw new ConfigException(configSource + ": field 'text_cfg.hf_model_name' is missing, but "
                    + weightsSource + " holds a Hugging Face BERT text tower (" + BERT + "*)");
        }
        if (!bert && t.hf() != null) {
            throw new ConfigException(configSource + ": field 'text_cfg.hf_model_name' is '" + t.hf().modelName()
                    + "', but " + weightsSource + " holds open_clip's causal text transformer");
        }
        checkDepth(names, image.blockPrefix, fitted.vision().layers(), image == ImageLayout.TIMM
                ? "vision_cfg.timm_model_name '" + v.timm().modelName() + "' (" + v.timm().trunk().source() + ") depth"
                : "vision_cfg.layers", configSource, weightsSource);
        if (bert) {
            checkDepth(names, BERT + "encoder.layer.", t.hf().bert().layers(), "num_hidden_layers of "
                    + t.hf().bert().source() + " (text_cfg.hf_model_name '" + t.hf().modelName() + "')", configSource,
                    weightsSource);
        } else {
            checkDepth(names, (config.customText() ? "text." : "") + "transformer.resblocks.", t.layers(),
                    "text_cfg.layers", configSource, weightsSource);
        }
        return fitted;
    }

    private static void checkDepth(Set<String> keys, String prefix, int configured, String field, String configSource,
            String weightsSource) {
        int found = 0;
        for (String key : keys) {
            if (key.startsWith(prefix)) {
                int end = key.indexOf('.', prefix.length());
                String index = end < 0 ? "" : key.substring(prefix.length(), end);
                if (!index.isEmpty() && index.chars().allMatch(Character::isDigit) && index.length() < 9) {
                    found = Math.max(found, Integer.parseInt(index) + 1);
                }
            }
        }
        if (found != configured) {
            throw new ConfigException(configSource + ": field '" + field + "' = " + configured + " does not fit "
                    + weightsSource + ", which holds " + found + " blocks under '" + prefix + "'");
        }
    }

    /**
     * Compares the checkpoint's array shapes with the shapes of a model that is built but not yet initialized, so a
     * config whose sizes do not fit the weights is refused before its arrays are allocated.
     *
     * @param shapes the checkpoint's keys and array shapes
     * @throws CheckpointMismatchException listing every missing, unexpected and mismatched key, naming the config
     *     fields behind each mismatched shape and their values
     */
    public static void checkShapes(ClipModel model, Map<String, long[]> shapes, String configSource,
            String weightsSource) {
        Map<String, long[]> checkpoint = withoutDdpPrefix(shapes);
        checkpoint.remove(BERT_POSITION_IDS);
        Map<String, Parameter> expected = parameters(model);
        List<String> missing = new ArrayList<>();
        Map<String, String> mismatched = new LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            long[] found = checkpoint.get(e.getKey());
            if (found == null) {
                missing.add(e.getKey());
            } else if (!fitsShape(e.getKey(), new Shape(found), e.getValue())) {
                mismatched.put(e.getKey(), "checkpoint " + new Shape(found) + ", config " + e.getValue().getShape());
                String behind = ConfigFields.behind(e.getKey(), model.config());
                if (!fields.contains(behind)) {
                    fields.add(behind);
                }
            }
        }
        List<String> unexpected = new ArrayList<>(checkpoint.keySet());
        unexpected.removeAll(expected.keySet());
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            String hint = layoutHint(model, missing, unexpected);
            if (!fields.isEmpty()) {
                hint = (hint.isEmpty() ? "" : hint + "; ") + "the shapes follow " + configSource + " fields "
                        + String.join(", ", fields);
            }
            throw new CheckpointMismatchException(weightsSource, missing, unexpected, mismatched, hint);
        }
    }

    /**
     * Copies an open_clip state dict into the model, strictly: nothing is copied unless every model parameter
     * has a key of the right shape and every key is used. A {@code module.} prefix on every key (a checkpoint
     * saved from DDP) is removed first, as open_clip does.
     *
     * @param stateDict open_clip keys to arrays of a floating type (converted to the parameters' type)
     * @param source names the checkpoint in errors, e.g. its file name
     * @throws CheckpointMismatchException listing every missing key, unexpected key and mismatched array
     */
    public static void load(ClipModel model, Map<String, NDArray> stateDict, String source) {
        Map<String, NDArray> checkpoint = withoutDdpPrefix(stateDict);
        checkpoint.remove(BERT_POSITION_IDS);
        Map<String, Parameter> expected = parameters(model);
        List<String> missing = new ArrayList<>();
        Map<String, String> mismatched = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            NDArray array = checkpoint.get(e.getKey());
            if (array == null) {
                missing.add(e.getKey());
            } else if (!fits(e.getKey(), array, e.getValue())) {
                mismatched.put(e.getKey(), "checkpoint " + array.getShape() + " " + array.getDataType()
                        + ", model " + e.getValue().getShape() + " floating point");
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : checkpoint.keySet()) {
            if (!expected.containsKey(key)) {
                unexpected.add(key);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            throw new CheckpointMismatchException(source, missing, unexpected, mismatched,
                    layoutHint(model, missing, unexpected));
        }
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            copyInto(checkpoint.get(e.getKey()), e.getValue().getArray());
        }
    }

    /**
     * Copies the model's parameters into a new state dict with open_clip's keys and shapes ({@code logit_scale}
     * 0-d), ready to be written as a checkpoint open_clip loads. The arrays are independent copies owned by
     * {@code manager}, each named by its key.
     */
    public static Map<String, NDArray> toStateDict(ClipModel model, NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : parameters(model).entrySet()) {
            NDArray value = e.getValue().getArray();
            NDArray copy = manager.create(hostBytes(value), value.getShape(), value.getDataType());
            copy.setName(e.getKey());
            out.put(e.getKey(), copy);
        }
        return out;
    }

    private static boolean fits(String key, NDArray array, Parameter parameter) {
        return array.getDataType().isFloating() && fitsShape(key, array.getShape(), parameter);
    }

    private static boolean fitsShape(String key, Shape shape, Parameter parameter) {
        boolean scalar = key.equals("logit_scale") || key.equals("logit_bias");
        return scalar ? shape.size() == 1 && shape.dimension() <= 1 : shape.equals(parameter.getShape());
    }

    private static void copyInto(NDArray source, NDArray target) {
        if (source.getDataType() == target.getDataType()) {
            target.set(hostBytes(source));
            return;
        }
        try (NDArray converted = source.toType(target.getDataType(), true)) {
            target.set(hostBytes(converted));
        }
    }

    /**
     * A host copy of the array's bytes. An accelerator array is first copied to the host explicitly, since
     * {@code toByteBuffer} would leave its temporary host copy in the array's (long-lived) manager.
     */
    private static ByteBuffer hostBytes(NDArray array) {
        if (array.getDevice().equals(Device.cpu())) {
            return array.toByteBuffer();
        }
        try (NDArray onHost = array.toDevice(Device.cpu(), false)) {
            return onHost.toByteBuffer();
        }
    }

    /** A mutable copy without the {@code module.} prefix that DDP puts on every key. */
    private static <V> Map<String, V> withoutDdpPrefix(Map<String, V> stateDict) {
        boolean ddp = !stateDict.isEmpty() && stateDict.keySet().stream().allMatch(k -> k.startsWith(DDP_PREFIX));
        Map<String, V> stripped = new LinkedHashMap<>();
        stateDict.forEach((k, v) -> stripped.put(ddp ? k.substring(DDP_PREFIX.length()) : k, v));
        return stripped;
    }

    private static Set<String> normalized(Set<String> keys) {
        Map<String, Boolean> asMap = new LinkedHashMap<>();
        keys.forEach(k -> asMap.put(k, true));
        return withoutDdpPrefix(asMap).keySet();
    }

    private static String layoutHint(ClipModel model, List<String> missing, List<String> unexpected) {
        boolean custom = model.config().customText();
        String probe = custom ? "token_embedding.weight" : "text.token_embedding.weight";
        if (!missing.isEmpty() && unexpected.contains(probe)) {
            return custom
                    ? "the checkpoint has open_clip's CLIP layout (text keys at the top level) but the config says custom_text: true"
                    : "the checkpoint has open_clip's CustomTextCLIP layout (text keys under 'text.') but the config does not say custom_text: true";
        }
        return "";
    }

    private static void putVisionTransformer(Map<String, Parameter> keys, VisionTransformer v) {
        keys.put("visual.class_embedding", v.classEmbedding());
        keys.put("visual.positional_embedding", v.positionalEmbedding());
        keys.put("visual.proj", v.proj());
        keys.put("visual.conv1.weight", v.conv1Weight());
        putLayerNorm(keys, "visual.ln_pre", v.lnPre());
        putTransformer(keys, "visual.transformer", v.transformer());
        putLayerNorm(keys, "visual.ln_post", v.lnPost());
    }

    private static void putTextTransformer(Map<String, Parameter> keys, TextTransformer t, String text) {
        keys.put(text + "positional_embedding", t.positionalEmbedding());
        keys.put(text + "text_projection", t.textProjection());
        keys.put(text + "token_embedding.weight", t.tokenEmbedding());
        putTransformer(keys, text + "transformer", t.transformer());
        putLayerNorm(keys, text + "ln_final", t.lnFinal());
    }

    private static void putTimm(Map<String, Parameter> keys, TimmVisionTower timm) {
        putTrunk(keys, "visual.trunk.", timm.trunk());
        putLinear(keys, "visual.head.proj", timm.head());
    }

    private static void putPanDerm(Map<String, Parameter> keys, PanDermVisionTower panDerm) {
        putTrunk(keys, "visual.", panDerm.trunk());
        putLinear(keys, "visual.head", panDerm.head());
    }

    /** timm's names for a ViT trunk: a fused {@code attn.qkv} with bias, or with BEiT's q/v biases and gammas. */
    private static void putTrunk(Map<String, Parameter> keys, String prefix, ViTTrunk trunk) {
        PatchEmbedding embedding = trunk.patchEmbed();
        keys.put(prefix + "patch_embed.proj.weight", embedding.projWeight());
        keys.put(prefix + "patch_embed.proj.bias", embedding.projBias());
        keys.put(prefix + "cls_token", embedding.clsToken());
        keys.put(prefix + "pos_embed", embedding.posEmbed());
        List<PreNormViTBlock> blocks = trunk.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            PreNormViTBlock block = blocks.get(i);
            String p = prefix + "blocks." + i + ".";
            if (block.attention() instanceof QvBiasSelfAttention attention) {
                keys.put(p + "attn.qkv.weight", attention.qkvWeight());
                keys.put(p + "attn.q_bias", attention.qBias());
                keys.put(p + "attn.v_bias", attention.vBias());
                putLinear(keys, p + "attn.proj", attention.proj());
            } else {
                MultiheadSelfAttention attention = (MultiheadSelfAttention) block.attention();
                keys.put(p + "attn.qkv.weight", attention.inProjWeight());
                keys.put(p + "attn.qkv.bias", attention.inProjBias());
                putLinear(keys, p + "attn.proj", attention.outProj());
            }
            putLayerNorm(keys, p + "norm1", block.norm1());
            putLayerNorm(keys, p + "norm2", block.norm2());
            putLinear(keys, p + "mlp.fc1", block.mlp().fc());
            putLinear(keys, p + "mlp.fc2", block.mlp().proj());
            if (block.gamma1() != null) {
                keys.put(p + "gamma_1", block.gamma1());
                keys.put(p + "gamma_2", block.gamma2());
            }
        }
        putLayerNorm(keys, prefix + "norm", trunk.norm());
    }

    private static void putBert(Map<String, Parameter> keys, BertTextTower bert) {
        keys.put(BERT + "embeddings.word_embeddings.weight", bert.wordEmbeddings());
        keys.put(BERT + "embeddings.position_embeddings.weight", bert.positionEmbeddings());
        keys.put(BERT + "embeddings.token_type_embeddings.weight", bert.tokenTypeEmbeddings());
        putLayerNorm(keys, BERT + "embeddings.LayerNorm", bert.embeddingNorm());
        List<BertLayer> layers = bert.layers();
        for (int i = 0; i < layers.size(); i++) {
            BertLayer layer = layers.get(i);
            String p = BERT + "encoder.layer." + i + ".";
            putLinear(keys, p + "attention.self.query", layer.query());
            putLinear(keys, p + "attention.self.key", layer.key());
            putLinear(keys, p + "attention.self.value", layer.value());
            putLinear(keys, p + "attention.output.dense", layer.attentionOutput());
            putLayerNorm(keys, p + "attention.output.LayerNorm", layer.attentionNorm());
            putLinear(keys, p + "intermediate.dense", layer.intermediate());
            putLinear(keys, p + "output.dense", layer.output());
            putLayerNorm(keys, p + "output.LayerNorm", layer.outputNorm());
        }
        if (bert.pooler() != null) {
            putLinear(keys, BERT + "pooler.dense", bert.pooler());
        }
        List<ClipLinear> projection = bert.projection();
        if (projection.size() == 1) {
            putLinear(keys, "text.proj", projection.get(0));
        } else {
            for (int i = 0; i < projection.size(); i++) {
                // open_clip's nn.Sequential(Linear, GELU, Linear): the linears are its modules 0 and 2.
                putLinear(keys, "text.proj." + (2 * i), projection.get(i));
            }
        }
    }

    private static void putTransformer(Map<String, Parameter> keys, String prefix, Transformer transformer) {
        List<ResidualAttentionBlock> blocks = transformer.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            ResidualAttentionBlock block = blocks.get(i);
            String p = prefix + ".resblocks." + i + ".";
            putLayerNorm(keys, p + "ln_1", block.ln1());
            keys.put(p + "attn.in_proj_weight", block.attention().inProjWeight());
            keys.put(p + "attn.in_proj_bias", block.attention().inProjBias());
            putLinear(keys, p + "attn.out_proj", block.attention().outProj());
            putLayerNorm(keys, p + "ln_2", block.ln2());
            putLinear(keys, p + "mlp.c_fc", block.mlp().fc());
            putLinear(keys, p + "mlp.c_proj", block.mlp().proj());
        }
    }

    private static void putLayerNorm(Map<String, Parameter> keys, String prefix, ClipLayerNorm norm) {
        keys.put(prefix + ".weight", norm.weight());
        keys.put(prefix + ".bias", norm.bias());
    }

    private static void putLinear(Map<String, Parameter> keys, String prefix, ClipLinear linear) {
        keys.put(prefix + ".weight", linear.weight());
        if (linear.bias() != null) {
            keys.put(prefix + ".bias", linear.bias());
        }
    }
}
