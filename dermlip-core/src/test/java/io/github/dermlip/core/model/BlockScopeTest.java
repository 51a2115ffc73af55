package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

/**
 * A transformer block frees its intermediate arrays when it returns, yet the backward pass still finds what it
 * needs: the gradients equal those of the same computation written out op by op with every array kept.
 */
class BlockScopeTest {
    private static final int WIDTH = 8;
    private static final int HEADS = 2;

    @Test
    void blockLeavesOnlyItsOutputAndKeepsExactGradients() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            ResidualAttentionBlock block = new ResidualAttentionBlock(WIDTH, HEADS, 4 * WIDTH, MlpActivation.GELU,
                    TransformerInit.forStack(WIDTH, 1));
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 2, WIDTH));
            NDArray mask = manager.create(new float[] {0, Float.NEGATIVE_INFINITY, 0, 0}, new Shape(2, 2));
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.randomNormal(new Shape(2, 2, WIDTH));
                x.setRequiresGradient(true);
                int before = step.getManagedArrays().size();
                NDArray scopedGrad;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray y = block.apply(new ParameterStore(step, false), x, mask, true);
                    assertEquals(before + 1, step.getManagedArrays().size(), "only the output stays in the caller's manager");
                    collector.backward(y.square().sum());
                }
                scopedGrad = x.getGradient().duplicate();
                float[] scopedWeightGrad = block.attention().inProjWeight().getArray().getGradient().toFloatArray();
                zeroGradients(block, x);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    collector.backward(reference(block, x, mask).square().sum());
                }
                NDArray referenceGrad = x.getGradient();
                assertClose(referenceGrad.toFloatArray(), scopedGrad.toFloatArray(), "input");
                assertClose(block.attention().inProjWeight().getArray().getGradient().toFloatArray(), scopedWeightGrad,
                        "in_proj_weight");
            }
        }
    }

    /** The block written out with plain DJL ops, every intermediate array left in the step's manager. */
    private static NDArray reference(ResidualAttentionBlock block, NDArray x, NDArray mask) {
        MultiheadSelfAttention attention = block.attention();
        NDArray h1 = norm(block.ln1(), x);
        NDArray qkv = h1.matMul(attention.inProjWeight().getArray().transpose()).add(attention.inProjBias().getArray());
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        NDArray heads = qkv.reshape(batch, length, 3, HEADS, WIDTH / HEADS).transpose(2, 0, 3, 1, 4);
        NDArray q = heads.get(0).mul((float) (1 / Math.sqrt(WIDTH / HEADS)));
        NDArray scores = q.matMul(heads.get(1).transpose(0, 1, 3, 2)).add(mask).softmax(-1);
        NDArray context = scores.matMul(heads.get(2)).transpose(0, 2, 1, 3).reshape(batch, length, WIDTH);
        NDArray h = x.add(linear(attention.outProj(), context));
        NDArray hidden = ai.djl.nn.Activation.gelu(linear(block.mlp().fc(), norm(block.ln2(), h)));
        return h.add(linear(block.mlp().proj(), hidden));
    }

    private static NDArray norm(ClipLayerNorm ln, NDArray x) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centered = x.sub(mean);
        NDArray variance = centered.square().mean(new int[] {-1}, true);
        return centered.div(variance.add(1e-5f).sqrt()).mul(ln.weight().getArray()).add(ln.bias().getArray());
    }

    private static NDArray linear(ClipLinear layer, NDArray x) {
        return x.matMul(layer.weight().getArray().transpose()).add(layer.bias().getArray());
    }

    /** Equal up to float32 rounding: within 1e-5 of the largest magnitude, which must be nonzero. */
    private static void assertClose(float[] expected, float[] actual, String what) {
        float largest = 0;
        for (float v : expected) {
            largest = Math.max(largest, Math.abs(v));
        }
        assertTrue(largest > 0, what + " gradient is zero");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5f * largest, what + " gradient " + i);
        }
    }

    private static void zeroGradients(ResidualAttentionBlock block, NDArray x) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().getGradient().muli(0);
        }
        x.getGradient().muli(0);
    }
}
