package io.github.dermlip.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.train.TrainingStep;
import io.github.dermlip.train.loss.ClipLoss;
import io.github.dermlip.train.optim.AdamW;
import io.github.dermlip.train.optim.AdamWConfig;
import io.github.dermlip.train.optim.GradNormClipper;
import io.github.dermlip.train.optim.TrainableParameters;
import java.util.List;

/**
 * One optimizer step of contrastive training on a fixed batch given as host arrays: the batch becomes two arrays
 * of a step manager and the train module's own {@link TrainingStep}, the one {@code train} runs, does the rest
 * (forward and backward with {@link ClipLoss}, clipping to a global norm of 1, {@link AdamW} with open_clip's
 * defaults, the {@code logit_scale} clamp). The PyTorch reference does the same per step.
 *
 * <p>Everything a step creates lives in its manager and is freed when the step ends.
 */
public final class BenchTrainingStep implements AutoCloseable {
    private static final double LEARNING_RATE = 1e-4;
    private static final double GRAD_CLIP_NORM = 1.0;

    private final NDManager root;
    private final ClipModel model;
    private final AdamW adamW;
    private final TrainingStep trainingStep;

    /** A randomly initialized model of {@code config} with its optimizer, in a new base manager. */
    public BenchTrainingStep(ModelConfig config, int seed) {
        root = NDManager.newBaseManager();
        Engine.getInstance().setRandomSeed(seed);
        model = ClipModel.create(config, root);
        TrainableParameters trainable = TrainableParameters.of(OpenClipKeys.parameters(model));
        adamW = new AdamW(trainable, AdamWConfig.openClipDefaults(), root);
        trainingStep = new TrainingStep(model, trainable, adamW, new ClipLoss(), new ParameterStore(root, false),
                new GradNormClipper(GRAD_CLIP_NORM));
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
        TrainingStep.Outcome outcome;
        try (NDManager step = root.newSubManager()) {
            NDList inputs = new NDList(step.create(pixels, new Shape(batch, 3, size, size)),
                    step.create(ids, new Shape(batch, context)));
            outcome = trainingStep.run(List.of(inputs), LEARNING_RATE, step);
        }
        long end = System.nanoTime();
        if (!Float.isFinite(outcome.loss())) {
            throw new IllegalStateException("the benchmark's training loss became " + outcome.loss());
        }
        return new StepTimes((end - start) / 1e9, outcome.forwardBackwardSeconds(), outcome.clipSeconds(),
                outcome.optimizerSeconds());
    }

    /** Frees the model and the optimizer state. */
    @Override
    public void close() {
        adamW.close();
        root.close();
    }
}
