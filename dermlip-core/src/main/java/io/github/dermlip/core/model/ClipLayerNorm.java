package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * torch's {@code nn.LayerNorm(width)} over the last axis, with a gain ({@code weight}) and a bias; eps 1e-5 as
 * torch's default unless a tower asks for another (timm and PanDerm use 1e-6, BERT 1e-12).
 */
final class ClipLayerNorm extends ModelBlock {
    private static final float DEFAULT_EPS = 1e-5f;

    private final float eps;
    private final Shape normalizedShape;
    private final Parameter weight;
    private final Parameter bias;

    /** A norm with unit gain and zero bias, eps 1e-5. */
    ClipLayerNorm(long width) {
        this(width, DEFAULT_EPS);
    }

    /** A norm with unit gain and zero bias and the given eps. */
    ClipLayerNorm(long width, float eps) {
        this.eps = eps;
        normalizedShape = new Shape(width);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(normalizedShape).optInitializer(Initializer.ONES).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(normalizedShape).optInitializer(Initializer.ZEROS).build());
    }

    Parameter weight() {
        return weight;
    }

    Parameter bias() {
        return bias;
    }

    /** Normalizes the last axis of {@code x}. */
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        NDArray w = ParameterValues.of(store, weight, x, training);
        NDArray b = ParameterValues.of(store, bias, x, training);
        return LayerNorm.layerNorm(x, normalizedShape, w, b, eps).singletonOrThrow();
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
