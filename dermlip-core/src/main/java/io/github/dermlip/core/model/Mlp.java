package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The feed-forward half of a transformer block: {@code c_proj(act(c_fc(x)))}, width d -> mlp_width -> d. */
final class Mlp extends ModelBlock {
    private final ClipLinear fc;
    private final ClipLinear proj;
    private final MlpActivation activation;

    Mlp(int width, int mlpWidth, MlpActivation activation, float fcStd, float projStd) {
        this.activation = activation;
        fc = addChildBlock("c_fc", new ClipLinear(width, mlpWidth, fcStd));
        proj = addChildBlock("c_proj", new ClipLinear(mlpWidth, width, projStd));
    }

    ClipLinear fc() {
        return fc;
    }

    ClipLinear proj() {
        return proj;
    }

    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        return proj.apply(store, activation.apply(fc.apply(store, x, training)), training);
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
