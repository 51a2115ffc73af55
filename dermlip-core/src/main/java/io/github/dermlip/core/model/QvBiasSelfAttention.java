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
 * {@link MultiheadSelfAttention}.
 */
final class QvBiasSelfAttention extends ModelBlock implements SelfAttention {
    private final int width;
    private final int heads;
    private final Parameter qkvWeight;
    private final Parameter qBias;
    private final Parameter vBias;
    private final ClipLinear proj;

    QvBiasSelfAttention(int width, int heads) {
        this.width = width;
        this.heads = heads;
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
        NDArray q = ParameterValues.ownedByInput(store, qBias, x, training);
        NDArray k = x.getManager().zeros(new Shape(width), x.getDataType());
        NDArray bias = q.concat(k).concat(ParameterValues.of(store, vBias, x, training));
        NDList qkv = ClipLinear.affine(x, ParameterValues.of(store, qkvWeight, x, training), bias).split(3, 2);
        NDArray context = ScaledDotProductAttention.apply(qkv.get(0), qkv.get(1), qkv.get(2), heads, mask);
        return proj.apply(store, context, training);
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
