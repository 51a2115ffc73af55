package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention laid out like torch's {@code nn.MultiheadAttention}: one fused input projection
 * ({@code in_proj_weight} [3d, d] with rows [q; k; v], {@code in_proj_bias} [3d]) and an output projection
 * ({@code out_proj}, [d, d] + [d]). Scores are {@code softmax(q k^T / sqrt(head_dim) + mask)}.
 */
final class MultiheadSelfAttention extends ModelBlock implements SelfAttention {
    private final int width;
    private final int heads;
    private final float scale;
    private final Parameter inProjWeight;
    private final Parameter inProjBias;
    private final ClipLinear outProj;

    /**
     * @param width model width d
     * @param heads number of heads; d must be a multiple of it
     * @param inStd standard deviation of the initial input projection
     * @param outStd standard deviation of the initial output projection
     */
    MultiheadSelfAttention(int width, int heads, float inStd, float outStd) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not a multiple of heads " + heads);
        }
        this.width = width;
        this.heads = heads;
        this.scale = (float) (1.0 / Math.sqrt(width / heads));
        inProjWeight = addParameter(Parameter.builder().setName("in_proj_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3L * width, width)).optInitializer(new NormalInitializer(inStd)).build());
        inProjBias = addParameter(Parameter.builder().setName("in_proj_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(3L * width)).optInitializer(Initializer.ZEROS).build());
        outProj = addChildBlock("out_proj", new ClipLinear(width, width, outStd));
    }

    Parameter inProjWeight() {
        return inProjWeight;
    }

    Parameter inProjBias() {
        return inProjBias;
    }

    ClipLinear outProj() {
        return outProj;
    }

    /**
     * Attends over the tokens of {@code x} [B, L, d].
     *
     * <p>The fused projection [B, L, 3d] is rearranged once into [3, B * heads, L, head_dim], one copy, so that
     * q, k and v come out as contiguous thirds and each attention product is a single {@code bmm} over all
     * heads of the batch; {@code k^T} is a strided view that {@code bmm} reads as it is. Multiplying 4-d views
     * instead makes libtorch copy q, k and v to contiguous memory one by one. The thirds are taken with
     * {@code split}, whose backward pass concatenates their gradients in one copy; picking them by index would
     * zero-fill a full-size gradient for each of the three and add them up.
     *
     * @param mask additive [L, L] mask (e.g. causal, -inf above the diagonal), or null for full attention
     */
    @Override
    public NDArray apply(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        long headDim = width / heads;
        long groups = batch * heads;
        NDArray w = ParameterValues.of(store, inProjWeight, x, training);
        NDArray b = ParameterValues.of(store, inProjBias, x, training);
        NDList qkv = ClipLinear.affine(x, w, b)
                .reshape(batch, length, 3, heads, headDim)
                .transpose(2, 0, 3, 1, 4)
                .reshape(3, groups, length, headDim)
                .split(3, 0);
        boolean inPlace = !GradMode.recording();
        NDArray q = qkv.get(0).reshape(groups, length, headDim);
        NDArray k = qkv.get(1).reshape(groups, length, headDim);
        NDArray v = qkv.get(2).reshape(groups, length, headDim);
        NDArray scaleValue = Scalars.of(scale, x);
        q = inPlace ? q.muli(scaleValue) : q.mul(scaleValue);
        NDArray scores = q.batchMatMul(k.transpose(0, 2, 1));
        if (mask != null) {
            scores = inPlace ? scores.addi(mask) : scores.add(mask);
        }
        NDArray context = scores.softmax(-1).batchMatMul(v)
                .reshape(batch, heads, length, headDim)
                .transpose(0, 2, 1, 3)
                .reshape(batch, length, width);
        return outProj.apply(store, context, training);
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
