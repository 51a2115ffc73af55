package io.github.dermlip.core.hfclip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.github.dermlip.core.model.CheckpointMismatchException;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that knows the state-dict names of a Hugging Face transformers {@code CLIPModel}: maps them onto
 * {@link ClipModel}'s open_clip parameters.
 *
 * <ul>
 *   <li>{@code {vision,text}_model.encoder.layers.N.self_attn.{q,k,v}_proj} become the fused
 *       {@code attn.in_proj_*} rows [q; k; v]; {@code out_proj}, {@code layer_norm1/2} and {@code mlp.fc1/fc2} are
 *       {@code attn.out_proj}, {@code ln_1/2} and {@code mlp.c_fc/c_proj}.</li>
 *   <li>{@code vision_model.embeddings.{class_embedding, patch_embedding, position_embedding}} are
 *       {@code visual.{class_embedding, conv1, positional_embedding}}; {@code pre_layrnorm} (spelt so) is
 *       {@code ln_pre} and {@code post_layernorm} is {@code ln_post}, which both apply to the class token only.</li>
 *   <li>{@code text_model.embeddings.{token,position}_embedding} and {@code final_layer_norm} are
 *       {@code token_embedding}, {@code positional_embedding} and {@code ln_final}.</li>
 *   <li>{@code visual_projection.weight} and {@code text_projection.weight} are bias-free Linear weights
 *       [embed, width]; open_clip multiplies by the transposed [width, embed] matrices {@code visual.proj} and
 *       {@code text_projection}.</li>
 * </ul>
 * The {@code position_ids} buffers older checkpoints carry are ignored, as transformers ignores them.
 */
public final class HfClipCheckpoint {
    private static final Set<String> IGNORED = Set.of("text_model.embeddings.position_ids",
            "vision_model.embeddings.position_ids");

    private enum Op { COPY, TRANSPOSE, FUSE_QKV }

    /** One open_clip parameter and the Hugging Face arrays it is made of. */
    private record Rule(String openClipKey, Op op, List<String> hfKeys) {}

    private HfClipCheckpoint() {}

    /**
     * Copies a Hugging Face {@code CLIPModel} state dict into the model, strictly: nothing is copied unless every
     * Hugging Face key the model needs is there with the right shape and every key (but {@code position_ids}) is used.
     *
     * @param stateDict Hugging Face keys to arrays of a floating type (converted to the parameters' type)
     * @param source names the checkpoint in errors, e.g. its file name
     * @throws CheckpointMismatchException listing every missing key, unexpected key and mismatched array, by its
     *     Hugging Face name
     */
    public static void load(ClipModel model, Map<String, NDArray> stateDict, String source) {
        Map<String, Parameter> parameters = OpenClipKeys.parameters(model);
        List<Rule> rules = rules(model);
        List<String> missing = new ArrayList<>();
        Map<String, String> mismatched = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(IGNORED);
        for (Rule rule : rules) {
            Shape expected = hfShape(rule, parameters.get(rule.openClipKey()).getShape());
            for (String key : rule.hfKeys()) {
                used.add(key);
                NDArray array = stateDict.get(key);
                if (array == null) {
                    missing.add(key);
                } else if (!fits(array, expected)) {
                    mismatched.put(key, "checkpoint " + array.getShape() + " " + array.getDataType() + ", model "
                            + expected + " floating point");
                }
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String key : stateDict.keySet()) {
            if (!used.contains(key)) {
                unexpected.add(key);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
            String hint = stateDict.containsKey("visual.proj") || stateDict.containsKey("visual.class_embedding")
                    ? "the keys are open_clip's; such a checkpoint belongs in an open_clip folder (open_clip_config.json)"
                    : "";
            throw new CheckpointMismatchException(source, missing, unexpected, mismatched, hint);
        }
        Map<String, NDArray> openClip = new LinkedHashMap<>();
        for (Rule rule : rules) {
            openClip.put(rule.openClipKey(), convert(rule, stateDict));
        }
        OpenClipKeys.load(model, openClip, source);
    }

    private static List<Rule> rules(ClipModel model) {
        List<Rule> rules = new ArrayList<>();
        copy(rules, "visual.class_embedding", "vision_model.embeddings.class_embedding");
        copy(rules, "visual.positional_embedding", "vision_model.embeddings.position_embedding.weight");
        copy(rules, "visual.conv1.weight", "vision_model.embeddings.patch_embedding.weight");
        layerNorm(rules, "visual.ln_pre", "vision_model.pre_layrnorm");
        encoder(rules, "visual.transformer", "vision_model.encoder", model.config().vision().layers());
        layerNorm(rules, "visual.ln_post", "vision_model.post_layernorm");
        rules.add(new Rule("visual.proj", Op.TRANSPOSE, List.of("visual_projection.weight")));

        String text = model.config().customText() ? "text." : "";
        copy(rules, text + "token_embedding.weight", "text_model.embeddings.token_embedding.weight");
        copy(rules, text + "positional_embedding", "text_model.embeddings.position_embedding.weight");
        encoder(rules, text + "transformer", "text_model.encoder", model.config().text().layers());
        layerNorm(rules, text + "ln_final", "text_model.final_layer_norm");
        rules.add(new Rule(text + "text_projection", Op.TRANSPOSE, List.of("text_projection.weight")));
        copy(rules, "logit_scale", "logit_scale");
        return rules;
    }

    private static void encoder(List<Rule> rules, String openClip, String hf, int layers) {
        for (int i = 0; i < layers; i++) {
            String o = openClip + ".resblocks." + i + ".";
            String h = hf + ".layers." + i + ".";
            layerNorm(rules, o + "ln_1", h + "layer_norm1");
            for (String part : new String[] {"weight", "bias"}) {
                rules.add(new Rule(o + "attn.in_proj_" + part, Op.FUSE_QKV, List.of(h + "self_attn.q_proj." + part,
                        h + "self_attn.k_proj." + part, h + "self_attn.v_proj." + part)));
                copy(rules, o + "attn.out_proj." + part, h + "self_attn.out_proj." + part);
                copy(rules, o + "mlp.c_fc." + part, h + "mlp.fc1." + part);
                copy(rules, o + "mlp.c_proj." + part, h + "mlp.fc2." + part);
            }
            layerNorm(rules, o + "ln_2", h + "layer_norm2");
        }
    }

    private static void layerNorm(List<Rule> rules, String openClip, String hf) {
        copy(rules, openClip + ".weight", hf + ".weight");
        copy(rules, openClip + ".bias", hf + ".bias");
    }

    private static void copy(List<Rule> rules, String openClip, String hf) {
        rules.add(new Rule(openClip, Op.COPY, List.of(hf)));
    }

    /** The shape each Hugging Face array of the rule must have for the open_clip parameter's {@code shape}. */
    private static Shape hfShape(Rule rule, Shape shape) {
        return switch (rule.op()) {
            case COPY -> shape;
            case TRANSPOSE -> new Shape(shape.get(1), shape.get(0));
            case FUSE_QKV -> {
                long[] dims = shape.getShape().clone();
                dims[0] /= 3;
                yield new Shape(dims);
            }
        };
    }

    /** Floating point of the expected shape; a scalar such as {@code logit_scale} may also be stored as [1]. */
    private static boolean fits(NDArray array, Shape expected) {
        Shape shape = array.getShape();
        if (!array.getDataType().isFloating()) {
            return false;
        }
        return expected.dimension() == 0 ? shape.size() == 1 && shape.dimension() <= 1 : shape.equals(expected);
    }

    private static NDArray convert(Rule rule, Map<String, NDArray> stateDict) {
        List<String> keys = rule.hfKeys();
        return switch (rule.op()) {
            case COPY -> stateDict.get(keys.get(0));
            case TRANSPOSE -> stateDict.get(keys.get(0)).transpose();
            case FUSE_QKV -> NDArrays.concat(new NDList(stateDict.get(keys.get(0)), stateDict.get(keys.get(1)),
                    stateDict.get(keys.get(2))), 0);
        };
    }
}
