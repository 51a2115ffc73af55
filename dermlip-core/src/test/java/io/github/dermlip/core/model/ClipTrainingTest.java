package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.github.dermlip.core.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradients reach every parameter, a DJL trainer can update the model, and steps leak no native arrays. */
class ClipTrainingTest {
    private static final ModelConfig SIGLIP_TINY = FixtureTensors.config(FixtureTensors.GELU).withInitLogitBias(-10.0);

    @Test
    void oneBackwardPassGivesEveryParameterAGradient() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(7);
            ClipModel model = ClipModel.create(SIGLIP_TINY, manager);
            try (NDManager step = manager.newSubManager()) {
                trainingStep(model, step);
            }
            List<String> withoutGradient = new ArrayList<>();
            for (Pair<String, Parameter> p : model.getParameters()) {
                try (NDArray gradient = p.getValue().getArray().getGradient()) {
                    if (gradient.abs().sum().getFloat() == 0f) {
                        withoutGradient.add(p.getKey());
                    }
                }
            }
            assertEquals(List.of(), withoutGradient);
            assertEquals(OpenClipKeys.parameters(model).size(), model.getParameters().size());
        }
    }

    @Test
    void trainingStepsLeaveNoArraysInTheModelManager() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(SIGLIP_TINY, manager);
            try (NDManager step = manager.newSubManager()) {
                trainingStep(model, step); // first step caches the causal mask
            }
            int before = manager.getManagedArrays().size();
            for (int i = 0; i < 2; i++) {
                try (NDManager step = manager.newSubManager()) {
                    trainingStep(model, step);
                }
            }
            assertEquals(before, manager.getManagedArrays().size());
        }
    }

    @Test
    void djlTrainerUpdatesEveryKindOfParameter() {
        try (Model djlModel = Model.newInstance("clip")) {
            ClipModel clip = ClipModel.create(SIGLIP_TINY, djlModel.getNDManager());
            djlModel.setBlock(clip);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.5f)).build());
            try (Trainer trainer = djlModel.newTrainer(config)) {
                trainer.initialize(clip.exampleInputShapes(4));
                float scaleBefore = clip.logitScale().getArray().getFloat();
                float biasBefore = clip.logitBias().getArray().getFloat();
                float[] projBefore = ((TextTransformer) clip.text()).textProjection().getArray().toFloatArray();
                try (NDManager step = trainer.getManager().newSubManager()) {
                    Map<String, NDArray> batch = FixtureTensors.expected(FixtureTensors.GELU, step);
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList out = trainer.forward(new NDList(batch.get("pixel_values").get(":4"),
                                batch.get("input_ids").get(":4")));
                        collector.backward(sigmoidLoss(ClipOutput.fromNDList(out)));
                    }
                    trainer.step();
                }
                assertNotEquals(scaleBefore, clip.logitScale().getArray().getFloat());
                assertNotEquals(biasBefore, clip.logitBias().getArray().getFloat());
                float[] projAfter = ((TextTransformer) clip.text()).textProjection().getArray().toFloatArray();
                assertTrue(maxAbsDifference(projBefore, projAfter) > 0f);
                assertEquals(new Shape(), clip.logitScale().getArray().getShape());
            }
        }
    }

    /** One forward/backward pass on four fixture images and captions, everything created in {@code step}. */
    private static void trainingStep(ClipModel model, NDManager step) {
        Map<String, NDArray> batch = FixtureTensors.expected(FixtureTensors.GELU, step);
        NDArray pixels = batch.get("pixel_values").get(":4");
        NDArray ids = batch.get("input_ids").get(":4");
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList out = model.forward(new ParameterStore(step, false), new NDList(pixels, ids), true);
            collector.backward(sigmoidLoss(ClipOutput.fromNDList(out)));
        }
    }

    /** SigLIP's pairwise sigmoid loss, which (unlike softmax) also gives the logit bias a gradient. */
    private static NDArray sigmoidLoss(ClipOutput out) {
        NDArray logits = out.imageFeatures().matMul(out.textFeatures().transpose()).mul(out.logitScale())
                .add(out.logitBias());
        long n = logits.getShape().get(0);
        NDArray labels = logits.getManager().eye((int) n).mul(2).sub(1);
        return Activation.softPlus(labels.mul(logits).neg()).sum().div(n);
    }

    private static float maxAbsDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
