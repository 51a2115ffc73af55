package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/** A fully connected layer {@code y = x W^T + b} with torch's layout: weight [out, in], bias [out] (or none). */
final class ClipLinear extends ModelBlock {
    private final long outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer whose weight starts as N(0, weightStd²) and whose bias starts at zero. */
    ClipLinear(long inFeatures, long outFeatures, float weightStd) {
        this(inFeatures, outFeatures, weightStd, true);
    }

    /** As {@link #ClipLinear(long, long, float)}, without a bias when {@code withBias} is false. */
    ClipLinear(long inFeatures, long outFeatures, float weightStd, boolean withBias) {
        this.outFeatures = outFeatures;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outFeatures, inFeatures)).optInitializer(new NormalInitializer(weightStd)).build());
        bias = !withBias ? null : addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(outFeatures)).optInitializer(Initializer.ZEROS).build());
    }

    Parameter weight() {
        return weight;
    }

    /** The bias, or null for a layer without one. */
    Parameter bias() {
        return bias;
    }

    /** Applies the layer to the last axis of {@code x}. */
    NDArray apply(ParameterStore store, NDArray x, boolean training) {
        NDArray w = ParameterValues.of(store, weight, x, training);
        NDArray b = bias == null ? null : ParameterValues.of(store, bias, x, training);
        return affine(x, w, b);
    }

    /**
     * {@code x W^T + b} over the last axis of {@code x}, computed on {@code x} viewed as a matrix.
     *
     * <p>libtorch's C++ {@code linear} fuses the bias into the matrix product ({@code addmm}) only for 2-d
     * inputs; for [B, L, in] it runs a batched {@code matmul} and then a separate pass adding the bias. Folding
     * the leading axes first (a view for the contiguous activations of this model) gives the fused product,
     * as Python's {@code nn.Linear} does for such inputs, and a backward pass of two plain matrix products and
     * one column sum.
     */
    static NDArray affine(NDArray x, NDArray w, NDArray b) {
        Shape shape = x.getShape();
        if (shape.dimension() == 2) {
            return Linear.linear(x, w, b).singletonOrThrow();
        }
        long in = shape.get(shape.dimension() - 1);
        NDArray rows = x.reshape(shape.size() / in, in);
        NDArray y = Linear.linear(rows, w, b).singletonOrThrow();
        return y.reshape(shape.slice(0, shape.dimension() - 1).add(w.getShape().get(0)));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.slice(0, in.dimension() - 1).add(outFeatures)};
    }
}
