package io.github.dermlip.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.train.ContrastiveStep;
import io.github.dermlip.train.loss.ClipLoss;
import io.github.dermlip.train.optim.AdamW;
import io.github.dermlip.train.optim.AdamWConfig;
import io.github.dermlip.train.optim.GradNormClipper;
import io.github.dermlip.train.optim.TrainableParameters;
import java.util.List;

/**
 * One optimizer step of contrastive training as the train module's {@code Trainer} runs it, on a fixed batch
 * given as host arrays: the batch becomes two arrays of a step manager, gradients are zeroed, the
 * {@link ContrastiveStep} runs forward and backward with {@link ClipLoss}, the gradients are clipped to a global
 * norm of 1 ({@link GradNormClipper}), {@link AdamW} updates the weights with open_clip's defaults, and
 * {@code logit_scale} is clamped to {@code [0, ln 100]}. The PyTorch reference does the same per step.
 *
 * <p>Everything a step creates lives in its manager and is freed when the step ends.
 */
public final class BenchTrainingStep implements AutoCloseable {
    private static final double LEARNING_RATE = 1e-4;
    private static final double GRAD_CLIP_NORM = 1.0;
    private static final float MAX_LOGIT_SCALE = (float) Math.log(100);

    private final NDManager root;
    private final ClipModel model;
    private final TrainableParameters trainable;
    private final AdamW adamW;
    private final ContrastiveStep contrastiveStep;
    private final GradNormClipper clipper = new GradNormClipper(GRAD_CLIP_NORM);

    /** A randomly initialized model of {@code config} with its optimizer, in a new base manager. */
    public BenchTrainingStep(ModelConfig config, int seed) {
        root = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(seed);
        model = ClipModel.create(config, root);
        trainable = TrainableParameters.of(OpenClipKeys.parameters(model));
        adamW = new AdamW(trainable, AdamWConfig.openClipDefaults(), root);
        contrastiveStep = new ContrastiveStep(model, new ClipLoss(), new ParameterStore(root, false));
    }

    /** The model being trained. */
    public ClipModel model() {
        return model;
    }

    /** The manager every array of the model, the optimizer and the steps descends from. */
    public NDManager root() {
        return root;
    }

    /**
     * Runs one step.
     *
     * @param pixels [batch, 3, S, S] preprocessed images, row-major
     * @param ids [batch, context] token ids, row-major
     * @return the step's timings
     */
    public StepTimes run(float[] pixels, long[] ids, int batch) {
        int size = model.config().vision().imageSize();
        int context = model.config().text().contextLength();
        long start = System.nanoTime();
        long forwardStart;
        long forwardBackwardDone;
        long clipDone;
        long optimizerDone;
        try (NDManager step = root.newSubManager()) {
            NDList inputs = new NDList(step.create(pixels, new Shape(batch, 3, size, size)),
                    step.create(ids, new Shape(batch, context)));
            trainable.zeroGradients();
            forwardStart = System.nanoTime();
            float loss = contrastiveStep.forwardBackward(List.of(inputs)).getFloat();
            if (!Float.isFinite(loss)) {
                throw new IllegalStateException("the benchmark's training loss became " + loss);
            }
            forwardBackwardDone = System.nanoTime();
            NDArray[] gradients = trainable.gradients(step);
            clipper.clip(gradients, step);
            clipDone = System.nanoTime();
            adamW.step(gradients, LEARNING_RATE, step);
            optimizerDone = System.nanoTime();
            clampLogitScale(step);
        }
        long end = System.nanoTime();
        return new StepTimes((end - start) / 1e9, (forwardBackwardDone - forwardStart) / 1e9,
                (clipDone - forwardBackwardDone) / 1e9, (optimizerDone - clipDone) / 1e9);
    }

    private void clampLogitScale(NDManager step) {
        NDArray value = model.logitScale().getArray();
        NDArray view = value.reshape(value.getShape());
        view.attach(step);
        float scale = view.getFloat();
        float clamped = Math.max(0f, Math.min(MAX_LOGIT_SCALE, scale));
        if (clamped != scale) {
            value.set(new float[] {clamped});
        }
    }

    /** Frees the model and the optimizer state. */
    @Override
    public void close() {
        adamW.close();
        root.close();
    }
}
