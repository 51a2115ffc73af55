package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One post-norm layer of a Hugging Face {@code BertModel} ({@code encoder.layer.N}): separate {@code query},
 * {@code key} and {@code value} projections with bias, {@code h = LN(h + attention.output.dense(ctx))}, then
 * {@code h = LN(h + output.dense(GELU(intermediate.dense(h))))} with exact GELU.
 */
final class BertLayer extends ModelBlock {
    private final int heads;
    private final ClipLinear query;
    private final ClipLinear key;
    private final ClipLinear value;
    private final ClipLinear attentionOutput;
    private final ClipLayerNorm attentionNorm;
    private final ClipLinear intermediate;
    private final ClipLinear output;
    private final ClipLayerNorm outputNorm;

    BertLayer(int width, int heads, int intermediateSize, float eps) {
        this.heads = heads;
        query = addChildBlock("query", new ClipLinear(width, width, 0.02f));
        key = addChildBlock("key", new ClipLinear(width, width, 0.02f));
        value = addChildBlock("value", new ClipLinear(width, width, 0.02f));
        attentionOutput = addChildBlock("attention_output", new ClipLinear(width, width, 0.02f));
        attentionNorm = addChildBlock("attention_norm", new ClipLayerNorm(width, eps));
        intermediate = addChildBlock("intermediate", new ClipLinear(width, intermediateSize, 0.02f));
        output = addChildBlock("output", new ClipLinear(intermediateSize, width, 0.02f));
        outputNorm = addChildBlock("output_norm", new ClipLayerNorm(width, eps));
    }

    ClipLinear query() {
        return query;
    }

    ClipLinear key() {
        return key;
    }

    ClipLinear value() {
        return value;
    }

    ClipLinear attentionOutput() {
        return attentionOutput;
    }

    ClipLayerNorm attentionNorm() {
        return attentionNorm;
    }

    ClipLinear intermediate() {
        return intermediate;
    }

    ClipLinear output() {
        return output;
    }

    ClipLayerNorm outputNorm() {
        return outputNorm;
    }

    /**
     * Applies the layer to {@code h} [B, L, d].
     *
     * @param keyMask additive [B, 1, 1, L] mask: 0 for real tokens, float32's lowest value for padding
     */
    NDArray apply(ParameterStore store, NDArray h, NDArray keyMask, boolean training) {
        NDArray context = ScaledDotProductAttention.apply(query.apply(store, h, training), key.apply(store, h, training),
                value.apply(store, h, training), heads, keyMask);
        NDArray attended = attentionNorm.apply(store, h.add(attentionOutput.apply(store, context, training)), training);
        NDArray ff = output.apply(store, MlpActivation.GELU.apply(intermediate.apply(store, attended, training)), training);
        return outputNorm.apply(store, attended.add(ff), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(store, inputs.get(0), inputs.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
