package io.github.dermlip.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AdamW against a scalar re-computation of torch's update, including open_clip's decay-by-name rule. */
class AdamWTest {
    private static final double LR = 0.01;
    private static final AdamWConfig CONFIG = new AdamWConfig(0.5, 0.9, 0.98, 1e-6);

    @Test
    void twoStepsMatchTheHandComputation() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, Parameter> named = new LinkedHashMap<>();
            float[] projInit = {1f, -2f, 0.5f, 3f};
            float[] lnInit = {0.25f, -0.75f};
            float[] biasInit = {1f, 2f, 3f, 4f};
            named.put("visual.proj", parameter(manager, "proj", new Shape(2, 2), projInit));
            named.put("visual.ln_pre.weight", parameter(manager, "ln", new Shape(2), lnInit));
            named.put("attn.in_proj_bias2d", parameter(manager, "bias2d", new Shape(2, 2), biasInit));
            named.put("logit_scale", parameter(manager, "scale", new Shape(), new float[] {2.6f}));
            TrainableParameters params = TrainableParameters.of(named);
            assertTrue(params.decays(0));
            assertFalse(params.decays(1));
            assertFalse(params.decays(2));
            assertFalse(params.decays(3));

            float[][] grads1 = {{0.1f, -0.2f, 0.3f, 0f}, {1f, -1f}, {0.5f, 0.5f, -0.5f, 2f}, {0.7f}};
            float[][] grads2 = {{-0.3f, 0.1f, 0.2f, 0.4f}, {0.2f, 0.5f}, {1f, -2f, 0.25f, 0f}, {-0.1f}};
            double[][] expected = {toDouble(projInit), toDouble(lnInit), toDouble(biasInit), {2.6}};
            double[][] m = new double[4][];
            double[][] v = new double[4][];
            for (int i = 0; i < 4; i++) {
                m[i] = new double[expected[i].length];
                v[i] = new double[expected[i].length];
            }
            try (AdamW adamW = new AdamW(params, CONFIG, manager)) {
                float[][][] allGrads = {grads1, grads2};
                for (int t = 1; t <= 2; t++) {
                    float[][] grads = allGrads[t - 1];
                    setGradients(params, grads);
                    try (NDManager step = manager.newSubManager()) {
                        adamW.step(params.gradients(step), LR, step);
                    }
                    for (int i = 0; i < 4; i++) {
                        handStep(expected[i], m[i], v[i], grads[i], t, params.decays(i));
                    }
                }
                assertEquals(2, adamW.stepCount());
                for (int i = 0; i < 4; i++) {
                    float[] actual = params.parameters().get(i).getArray().toFloatArray();
                    for (int k = 0; k < actual.length; k++) {
                        assertEquals(expected[i][k], actual[k], 2e-6, params.names().get(i) + "[" + k + "]");
                    }
                    float[] m1 = adamW.state().get(AdamW.FIRST_MOMENT + params.names().get(i)).toFloatArray();
                    assertArrayEquals(toFloat(m[i]), m1, 1e-6f);
                }
            }
        }
    }

    @Test
    void restoredMomentsContinueExactly() {
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] init = {0.5f, -1f, 2f, 0.25f};
            float[][] grads = {{0.1f, 0.2f, -0.3f, 0.4f}};
            TrainableParameters a = TrainableParameters.of(Map.of("w", parameter(manager, "a", new Shape(2, 2), init)));
            TrainableParameters b = TrainableParameters.of(Map.of("w", parameter(manager, "b", new Shape(2, 2), init)));
            try (AdamW first = new AdamW(a, CONFIG, manager); AdamW second = new AdamW(b, CONFIG, manager)) {
                step(first, a, grads, manager);
                step(second, b, grads, manager);
                try (NDManager saved = manager.newSubManager()) {
                    Map<String, NDArray> copy = new LinkedHashMap<>();
                    first.state().forEach((k, x) -> copy.put(k, x.duplicate()));
                    copy.values().forEach(x -> x.attach(saved));
                    try (AdamW resumed = new AdamW(b, CONFIG, manager)) {
                        resumed.restore(first.stepCount(), copy, "test");
                        step(first, a, grads, manager);
                        step(resumed, b, grads, manager);
                    }
                }
                assertArrayEquals(a.parameters().get(0).getArray().toFloatArray(),
                        b.parameters().get(0).getArray().toFloatArray());
            }
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        try (NDManager manager = NDManager.newBaseManager()) {
            TrainableParameters params = TrainableParameters.of(
                    Map.of("w", parameter(manager, "w", new Shape(3, 3), new float[9])));
            try (AdamW adamW = new AdamW(params, CONFIG, manager)) {
                setGradients(params, new float[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9}});
                int before = manager.getManagedArrays().size();
                for (int i = 0; i < 5; i++) {
                    try (NDManager step = manager.newSubManager()) {
                        adamW.step(params.gradients(step), LR, step);
                        params.zeroGradients();
                    }
                }
                assertEquals(before, manager.getManagedArrays().size());
            }
        }
    }

    /** torch.optim.AdamW's update, element by element in double precision. */
    private static void handStep(double[] p, double[] m, double[] v, float[] g, int t, boolean decay) {
        double b1 = CONFIG.beta1();
        double b2 = CONFIG.beta2();
        for (int k = 0; k < p.length; k++) {
            if (decay) {
                p[k] *= 1 - LR * CONFIG.weightDecay();
            }
            m[k] = b1 * m[k] + (1 - b1) * g[k];
            v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k];
            double mHat = m[k] / (1 - Math.pow(b1, t));
            double denominator = Math.sqrt(v[k]) / Math.sqrt(1 - Math.pow(b2, t)) + CONFIG.eps();
            p[k] -= LR * mHat / denominator;
        }
    }

    private static void step(AdamW adamW, TrainableParameters params, float[][] grads, NDManager manager) {
        setGradients(params, grads);
        try (NDManager step = manager.newSubManager()) {
            adamW.step(params.gradients(step), LR, step);
        }
    }

    /** Makes each parameter's gradient equal to {@code grads[i]}: the gradient of sum(p * g). */
    static void setGradients(TrainableParameters params, float[][] grads) {
        params.zeroGradients();
        try (NDManager scratch = NDManager.newBaseManager();
                GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (int i = 0; i < grads.length; i++) {
                NDArray w = params.parameters().get(i).getArray();
                NDArray term = scratch.create(grads[i], w.getShape()).mul(w).sum();
                total = total == null ? term : total.add(term);
            }
            collector.backward(total);
        }
    }

    static Parameter parameter(NDManager manager, String name, Shape shape, float[] values) {
        Parameter p = Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT).build();
        NDArray array = manager.create(values, shape);
        array.setRequiresGradient(true);
        p.setArray(array);
        return p;
    }

    private static double[] toDouble(float[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i];
        }
        return out;
    }

    private static float[] toFloat(double[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }
}
