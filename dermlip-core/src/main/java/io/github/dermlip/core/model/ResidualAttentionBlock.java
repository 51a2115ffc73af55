package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-LN transformer block: {@code x = x + attn(ln_1(x)); x = x + mlp(ln_2(x))}.
 *
 * <p>The block's intermediate arrays (norms, projections, attention scores, MLP activations) are created in a
 * manager of its own that is closed before returning, so only the output stays with the caller. This frees what
 * no one needs as soon as the block is done, as Python frees a temporary when its last reference goes: under
 * autograd the recorded graph holds its own references to the tensors its backward pass needs, so those live on
 * until the backward pass, while the others (the fused q/k/v projection, the raw and masked scores, the
 * attention and MLP outputs before the residual sums) are freed at once instead of at the end of the step.
 */
final class ResidualAttentionBlock extends ModelBlock {
    private final ClipLayerNorm ln1;
    private final MultiheadSelfAttention attention;
    private final ClipLayerNorm ln2;
    private final Mlp mlp;

    ResidualAttentionBlock(int width, int heads, int mlpWidth, MlpActivation activation, TransformerInit init) {
        ln1 = addChildBlock("ln_1", new ClipLayerNorm(width));
        attention = addChildBlock("attn", new MultiheadSelfAttention(width, heads, init.attentionStd(), init.projectionStd()));
        ln2 = addChildBlock("ln_2", new ClipLayerNorm(width));
        mlp = addChildBlock("mlp", new Mlp(width, mlpWidth, activation, init.fcStd(), init.projectionStd()));
    }

    ClipLayerNorm ln1() {
        return ln1;
    }

    MultiheadSelfAttention attention() {
        return attention;
    }

    ClipLayerNorm ln2() {
        return ln2;
    }

    Mlp mlp() {
        return mlp;
    }

    /** Applies the block to {@code x} [B, L, d]; {@code mask} is an additive [L, L] mask or null. */
    NDArray apply(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        NDManager caller = x.getManager();
        try (NDManager scope = caller.newSubManager()) {
            NDArray in = x.reshape(x.getShape());
            in.attach(scope);
            NDArray h = residual(in, attention.apply(store, ln1.apply(store, in, training), mask, training));
            NDArray out = residual(h, mlp.apply(store, ln2.apply(store, h, training), training));
            out.attach(caller);
            return out;
        }
    }

    /**
     * {@code x + branch}; without autograd it is summed into the branch's output, a temporary of this block,
     * instead of a new array.
     */
    private static NDArray residual(NDArray x, NDArray branch) {
        return GradMode.recording() ? x.add(branch) : branch.addi(x);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        return new NDList(apply(store, inputs.get(0), mask, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
