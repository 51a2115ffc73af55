package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * A timm-style pre-norm ViT block ({@code blocks.N}): {@code x += g1 * attn(norm1(x)); x += g2 * mlp(norm2(x))},
 * LayerNorm eps 1e-6 and an exact-GELU {@code fc1}/{@code fc2} MLP. The layer-scale gains {@code gamma_1} and
 * {@code gamma_2} exist only in the layer-scale variant (BEiT/CAE, PanDerm); timm's plain ViT has none.
 */
final class PreNormViTBlock extends ModelBlock {
    static final float EPS = 1e-6f;

    private final ClipLayerNorm norm1;
    private final SelfAttention attention;
    private final ModelBlock attentionBlock;
    private final ClipLayerNorm norm2;
    private final Mlp mlp;
    private final Parameter gamma1;
    private final Parameter gamma2;

    /**
     * @param attention the block's attention, a {@link MultiheadSelfAttention} or {@link QvBiasSelfAttention}
     * @param layerScaleInit the initial value of the layer-scale gains, or null for a block without them
     */
    <A extends ModelBlock & SelfAttention> PreNormViTBlock(int width, int mlpWidth, A attention, Float layerScaleInit) {
        norm1 = addChildBlock("norm1", new ClipLayerNorm(width, EPS));
        this.attention = attention;
        attentionBlock = addChildBlock("attn", attention);
        norm2 = addChildBlock("norm2", new ClipLayerNorm(width, EPS));
        mlp = addChildBlock("mlp", new Mlp(width, mlpWidth, MlpActivation.GELU, 0.02f, 0.02f));
        gamma1 = layerScaleInit == null ? null : gain("gamma_1", width, layerScaleInit);
        gamma2 = layerScaleInit == null ? null : gain("gamma_2", width, layerScaleInit);
    }

    private Parameter gain(String name, int width, float init) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.GAMMA)
                .optShape(new Shape(width)).optInitializer(new ConstantInitializer(init)).build());
    }

    ClipLayerNorm norm1() {
        return norm1;
    }

    ModelBlock attention() {
        return attentionBlock;
    }

    ClipLayerNorm norm2() {
        return norm2;
    }

    Mlp mlp() {
        return mlp;
    }

    /** The gain of the attention branch, or null. */
    Parameter gamma1() {
        return gamma1;
    }

    /** The gain of the MLP branch, or null. */
    Parameter gamma2() {
        return gamma2;
    }

    /** Applies the block to {@code x} [B, L, d]. */
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        NDArray h = x.add(scaled(store, attention.apply(store, norm1.apply(store, x, training), null, training),
                gamma1, training));
        return h.add(scaled(store, mlp.apply(store, norm2.apply(store, h, training), training), gamma2, training));
    }

    private static NDArray scaled(ParameterStore store, NDArray branch, Parameter gamma, boolean training) {
        return gamma == null ? branch : branch.mul(ParameterValues.of(store, gamma, branch, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
