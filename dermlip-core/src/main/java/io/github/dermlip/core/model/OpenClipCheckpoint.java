package io.github.dermlip.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows open_clip's state-dict names: maps them to and from {@link ClipModel} parameters.
 *
 * <p>Image keys live under {@code visual.}. Text keys are at the top level for open_clip's {@code CLIP}
 * ({@code token_embedding.weight}, {@code positional_embedding}, {@code transformer.resblocks.N.*},
 * {@code ln_final.*}, {@code text_projection}) or under {@code text.} for {@code CustomTextCLIP}, as the config's
 * {@code custom_text} says. Linear and attention weights are [out, in] exactly as in torch; the attention input
 * projection keeps torch's fused [q; k; v] rows. {@code logit_scale} (and SigLIP's {@code logit_bias}) is 0-d,
 * and a 1-d [1] one (open_clip's {@code nonscalar_logit_scale}) is accepted on load.
 */
public final class OpenClipCheckpoint {
    private static final String DDP_PREFIX = "module.";

    private OpenClipCheckpoint() {}

    /** Every parameter of the model under its open_clip state-dict key. */
    public static Map<String, Parameter> parameters(ClipModel model) {
        Map<String, Parameter> keys = new LinkedHashMap<>();
        VisionTransformer v = model.vision();
        keys.put("visual.class_embedding", v.classEmbedding());
        keys.put("visual.positional_embedding", v.positionalEmbedding());
        keys.put("visual.proj", v.proj());
        keys.put("visual.conv1.weight", v.conv1Weight());
        putLayerNorm(keys, "visual.ln_pre", v.lnPre());
        putTransformer(keys, "visual.transformer", v.transformer());
        putLayerNorm(keys, "visual.ln_post", v.lnPost());

        TextTransformer t = model.text();
        String text = model.config().customText() ? "text." : "";
        keys.put(text + "positional_embedding", t.positionalEmbedding());
        keys.put(text + "text_projection", t.textProjection());
        keys.put(text + "token_embedding.weight", t.tokenEmbedding());
        putTransformer(keys, text + "transformer", t.transformer());
        putLayerNorm(keys, text + "ln_final", t.lnFinal());

        keys.put("logit_scale", model.logitScale());
        if (model.logitBias() != null) {
            keys.put("logit_bias", model.logitBias());
        }
        return keys;
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
        if (!array.getDataType().isFloating()) {
            return false;
        }
        Shape shape = array.getShape();
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

    private static Map<String, NDArray> withoutDdpPrefix(Map<String, NDArray> stateDict) {
        if (stateDict.isEmpty() || !stateDict.keySet().stream().allMatch(k -> k.startsWith(DDP_PREFIX))) {
            return stateDict;
        }
        Map<String, NDArray> stripped = new LinkedHashMap<>();
        stateDict.forEach((k, v) -> stripped.put(k.substring(DDP_PREFIX.length()), v));
        return stripped;
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
        keys.put(prefix + ".bias", linear.bias());
    }
}
