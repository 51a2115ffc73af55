package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gradients do not depend on garbage collection between the forward and the backward pass: the scalars that
 * autograd saves (the attention scale, QuickGELU's 1.702, the normalization floor) must not live in Java buffers
 * that the collector may free and the allocator hand out again (see {@link Scalars}).
 */
class ScalarOperandsTest {

    @Test
    void gradientsAreTheSameWhenBuffersAreCollectedBeforeTheBackwardPass() throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = FixtureTensors.loadedModel(FixtureTensors.QUICKGELU_CUSTOMTEXT, manager);
            Map<String, NDArray> batch = FixtureTensors.expected(FixtureTensors.QUICKGELU_CUSTOMTEXT, manager);
            NDList inputs = new NDList(batch.get("pixel_values"), batch.get("input_ids"));
            Map<String, float[]> calm = gradients(model, inputs, false);
            Map<String, float[]> collected = gradients(model, inputs, true);
            for (Map.Entry<String, float[]> e : calm.entrySet()) {
                float[] expected = e.getValue();
                float[] actual = collected.get(e.getKey());
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-6f * (1 + Math.abs(expected[i])), e.getKey() + "[" + i + "]");
                }
            }
        }
    }

    /** The gradient of every parameter for a simple loss, with or without collecting and reusing freed buffers. */
    private static Map<String, float[]> gradients(ClipModel model, NDList inputs, boolean collectInBetween)
            throws InterruptedException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (NDManager step = inputs.head().getManager().newSubManager()) {
            for (Pair<String, Parameter> p : model.getParameters()) {
                p.getValue().getArray().getGradient().muli(0);
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                ClipOutput output = ClipOutput.fromNDList(model.forward(new ParameterStore(step, false), inputs, true));
                NDArray loss = output.imageFeatures().matMul(output.textFeatures().transpose()).square().sum();
                if (collectInBetween) {
                    reuseFreedDirectMemory();
                }
                collector.backward(loss);
            }
            for (Pair<String, Parameter> p : model.getParameters()) {
                out.put(p.getKey(), p.getValue().getArray().getGradient().toFloatArray());
            }
        }
        return out;
    }

    /** Lets the collector free unreachable direct buffers, then fills new small ones with a huge value. */
    private static void reuseFreedDirectMemory() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
            buffer.putFloat(0, 1e30f);
            junk.add(buffer);
        }
        assertEquals(20_000, junk.size());
    }
}
