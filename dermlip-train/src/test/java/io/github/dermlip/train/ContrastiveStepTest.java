package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.train.loss.LossKind;
import io.github.dermlip.train.optim.TrainableParameters;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Gradient accumulation over k micro-batches of B gives the gradients of one batch of k*B. */
class ContrastiveStepTest {

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void accumulatingTwoHalvesEqualsTheFullBatch(LossKind kind) {
        ModelConfig config = kind == LossKind.SIGLIP
                ? TinyModels.tiny().withInitLogitBias(LossKind.SIGLIP_INIT_LOGIT_BIAS) : TinyModels.tiny();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(11);
            ClipModel model = ClipModel.create(config, manager);
            TrainableParameters params = TrainableParameters.of(OpenClipKeys.parameters(model));
            ContrastiveStep step = new ContrastiveStep(model, kind.newLoss(), new ParameterStore(manager, false));
            try (NDManager batch = manager.newSubManager()) {
                NDArray pixels = batch.randomNormal(new Shape(6, 3, 16, 16));
                NDArray ids = randomIds(batch, 6, 8, new Random(5));

                params.zeroGradients();
                float full = step.forwardBackward(List.of(new NDList(pixels, ids))).getFloat();
                float[][] fullGrads = gradients(params, batch);

                params.zeroGradients();
                float accumulated = step.forwardBackward(List.of(
                        new NDList(pixels.get("0:2"), ids.get("0:2")),
                        new NDList(pixels.get("2:4"), ids.get("2:4")),
                        new NDList(pixels.get("4:6"), ids.get("4:6")))).getFloat();
                float[][] accumulatedGrads = gradients(params, batch);

                assertEquals(full, accumulated, 1e-5f);
                for (int i = 0; i < params.size(); i++) {
                    assertClose(fullGrads[i], accumulatedGrads[i], params.names().get(i));
                }
            }
        }
    }

    /** Token rows with a start token 62, random tokens, and the end token 63 (the row's largest id). */
    static NDArray randomIds(NDManager manager, int rows, int length, Random random) {
        long[] ids = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            int end = 2 + random.nextInt(length - 2);
            ids[r * length] = 62;
            for (int c = 1; c < end; c++) {
                ids[r * length + c] = 1 + random.nextInt(60);
            }
            ids[r * length + end] = 63;
        }
        return manager.create(ids, new Shape(rows, length));
    }

    private static float[][] gradients(TrainableParameters params, NDManager manager) {
        NDArray[] grads = params.gradients(manager);
        float[][] out = new float[grads.length][];
        for (int i = 0; i < grads.length; i++) {
            out[i] = grads[i].toFloatArray();
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, String name) {
        float scale = 0;
        for (float x : expected) {
            scale = Math.max(scale, Math.abs(x));
        }
        assertTrue(scale > 0, name + " has no gradient");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-4f * scale + 1e-7f, name + "[" + k + "]");
        }
    }
}
