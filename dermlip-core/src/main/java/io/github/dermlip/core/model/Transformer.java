package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/** A stack of {@link ResidualAttentionBlock}s ({@code transformer.resblocks.N} in open_clip). */
final class Transformer extends ModelBlock {
    private final List<ResidualAttentionBlock> blocks;

    Transformer(int width, int layers, int heads, int mlpWidth, MlpActivation activation) {
        TransformerInit init = TransformerInit.forStack(width, layers);
        List<ResidualAttentionBlock> list = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            list.add(addChildBlock("resblock" + i, new ResidualAttentionBlock(width, heads, mlpWidth, activation, init)));
        }
        blocks = List.copyOf(list);
    }

    List<ResidualAttentionBlock> blocks() {
        return blocks;
    }

    /** Runs every block on {@code x} [B, L, d]; {@code mask} is an additive [L, L] mask or null. */
    NDArray apply(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        NDArray h = x;
        for (ResidualAttentionBlock block : blocks) {
            h = block.apply(store, h, mask, training);
        }
        return h;
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
