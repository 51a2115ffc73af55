package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.train.loss.ContrastiveLoss;
import io.github.dermlip.train.optim.AdamW;
import io.github.dermlip.train.optim.GradNormClipper;
import io.github.dermlip.train.optim.TrainableParameters;
import java.util.List;

/**
 * One optimizer step of contrastive training, the step {@code train} runs and the training benchmark times: zero
 * the gradients, forward and backward over the micro-batches ({@link ContrastiveStep}), clip to the global norm
 * ({@link GradNormClipper}, when one is given), update with {@link AdamW}, and clamp {@code logit_scale} to
 * {@code [0, ln 100]} in place, as open_clip does after every step.
 *
 * <p>A loss that is not finite stops the step before the clip: the weights and the optimizer state are left as
 * they were, and the caller decides what a diverged step means. Everything the step creates lives in the step
 * manager the caller passes and closes.
 */
public final class TrainingStep {
    private static final float MAX_LOGIT_SCALE = (float) Math.log(100);

    private final ClipModel model;
    private final TrainableParameters trainable;
    private final AdamW adamW;
    private final ContrastiveStep passes;
    private final GradNormClipper clipper;

    /**
     * A step for {@code model}.
     *
     * @param store the parameter store the forward passes read the weights through
     * @param clipper the global-norm clipper, or null for none (no {@code --grad-clip-norm})
     */
    public TrainingStep(ClipModel model, TrainableParameters trainable, AdamW adamW, ContrastiveLoss loss,
            ParameterStore store, GradNormClipper clipper) {
        this.model = model;
        this.trainable = trainable;
        this.adamW = adamW;
        this.passes = new ContrastiveStep(model, loss, store);
        this.clipper = clipper;
    }

    /**
     * What one step did.
     *
     * @param loss the loss of the whole batch; when not finite the update was not applied
     * @param logitScale {@code logit_scale} after the clamp (log of the temperature's inverse)
     * @param forwardBackwardSeconds forward pass, loss and backward pass
     * @param clipSeconds gradient clipping
     * @param optimizerSeconds the AdamW update and the clamp
     */
    public record Outcome(float loss, float logitScale, double forwardBackwardSeconds, double clipSeconds,
            double optimizerSeconds) {}

    /**
     * Runs the step.
     *
     * @param microBatches one or more {@code NDList(pixels, ids)}, all in {@code stepManager}
     * @param lr the learning rate of this step
     * @param stepManager owns everything the step creates
     */
    public Outcome run(List<NDList> microBatches, double lr, NDManager stepManager) {
        long start = System.nanoTime();
        trainable.zeroGradients();
        float loss = passes.forwardBackward(microBatches).getFloat();
        long passesDone = System.nanoTime();
        if (!Float.isFinite(loss)) {
            return new Outcome(loss, Float.NaN, (passesDone - start) / 1e9, 0, 0);
        }
        NDArray[] gradients = trainable.gradients(stepManager);
        if (clipper != null) {
            clipper.clip(gradients, stepManager);
        }
        long clipDone = System.nanoTime();
        adamW.step(gradients, lr, stepManager);
        float scale = clampLogitScale(stepManager);
        long end = System.nanoTime();
        return new Outcome(loss, scale, (passesDone - start) / 1e9, (clipDone - passesDone) / 1e9,
                (end - clipDone) / 1e9);
    }

    /**
     * Clamps {@code logit_scale} in place and returns its value. It is read through a view owned by the step, so an
     * accelerator's host copy is freed with the step.
     */
    private float clampLogitScale(NDManager stepManager) {
        NDArray array = model.logitScale().getArray();
        NDArray view = array.reshape(array.getShape());
        view.attach(stepManager);
        float value = view.getFloat();
        float clamped = Math.max(0f, Math.min(MAX_LOGIT_SCALE, value));
        if (clamped != value) {
            array.set(new float[] {clamped});
        }
        return clamped;
    }
}
