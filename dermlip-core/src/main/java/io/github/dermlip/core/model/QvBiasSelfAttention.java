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
 * The attention of BEiT/CAE ViTs (PanDerm): a fused {@code qkv.weight} [3d, d] with no bias tensor of its own, a
 * learned {@code q_bias} and {@code v_bias}, and a k bias fixed at zero; then {@code softmax(q k^T / sqrt(head_dim))}
 * and {@code proj} with bias. The fused bias {@code cat(q_bias, 0, v_bias)} feeds the same [q; k; v] row layout as
 * {@link MultiheadSelfAttention}, whose attention it then shares.
 */
final class QvBiasSelfAttention extends ModelBlock implements SelfAttention {
    private final int width;
    private final int heads;
    private final float scale;
    private final Parameter qkvWeight;
    private final Parameter qBias;
    private final Parameter vBias;
    private final ClipLinear proj;

    QvBiasSelfAttention(int width, int heads) {
        this.width = width;
        this.heads = heads;
        this.scale = (float) (1.0 / Math.sqrt(width / heads));
        qkvWeight = addParameter(Parameter.builder().setName("qkv_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(3L * width, width)).optInitializer(new NormalInitializer(0.02f)).build());
        qBias = addParameter(Parameter.builder().setName("q_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(width)).optInitializer(Initializer.ZEROS).build());
        vBias = addParameter(Parameter.builder().setName("v_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(width)).optInitializer(Initializer.ZEROS).build());
        proj = addChildBlock("proj", new ClipLinear(width, width, 0.02f));
    }

    Parameter qkvWeight() {
        return qkvWeight;
    }

    Parameter qBias() {
        return qBias;
    }

    Parameter vBias() {
        return vBias;
    }

    ClipLinear proj() {
        return proj;
    }

    @Override
    public NDArray apply(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long length = shape.get(1);
        NDArray q = ParameterValues.ownedByInput(store, qBias, x, training);
        NDArray k = x.getManager().zeros(new Shape(width), x.getDataType());
        NDArray bias = q.concat(k).concat(ParameterValues.of(store, vBias, x, training));
        NDList qkv = ClipLinear.affine(x, ParameterValues.of(store, qkvWeight, x, training), bias).split(3, 2);
        NDArray query = heads(qkv.get(0), batch, length).mul(Scalars.of(scale, x));
        NDArray scores = query.matMul(heads(qkv.get(1), batch, length).transpose(0, 1, 3, 2));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray context = scores.softmax(-1).matMul(heads(qkv.get(2), batch, length))
                .transpose(0, 2, 1, 3).reshape(batch, length, width);
        return proj.apply(store, context, training);
    }

    private NDArray heads(NDArray part, long batch, long length) {
        return part.reshape(batch, length, heads, width / heads).transpose(0, 2, 1, 3);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(store, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
