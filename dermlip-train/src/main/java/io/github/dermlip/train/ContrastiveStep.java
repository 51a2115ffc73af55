package io.github.dermlip.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.ClipOutput;
import io.github.dermlip.train.loss.ContrastiveLoss;
import java.util.List;

/**
 * The forward and backward passes of one optimizer step, over one batch or, with gradient accumulation, over
 * several micro-batches whose loss is computed against the negatives of all of them (open_clip's
 * {@code --accum-freq}).
 *
 * <p>With {@code k > 1} micro-batches: every micro-batch's features are first computed without gradients and
 * cached; then, micro-batch by micro-batch, its features are computed again with gradients, put in place of its
 * cached ones in the full batch, and the full-batch loss is back-propagated, so that gradients add up to those of
 * one batch of all the samples. The temperature (and bias) enters with its gradient only in the first of these
 * losses: it appears in every one of them, and open_clip's own loop therefore scales its gradient by {@code k};
 * here gradient accumulation gives exactly the gradients of the large batch. The caller zeroes the gradients
 * before the step; everything created lives in the managers of the micro-batch inputs.
 */
public final class ContrastiveStep {
    private final ClipModel model;
    private final ContrastiveLoss loss;
    private final ParameterStore store;

    /** A step runner for {@code model}, its parameters read through {@code store}. */
    public ContrastiveStep(ClipModel model, ContrastiveLoss loss, ParameterStore store) {
        this.model = model;
        this.loss = loss;
        this.store = store;
    }

    /**
     * Runs the passes and leaves the summed gradients on the parameters.
     *
     * @param microBatches one or more {@code NDList(pixels [b,3,S,S], ids [b,L])}
     * @return the loss of the whole batch, a scalar
     */
    public NDArray forwardBackward(List<NDList> microBatches) {
        if (microBatches.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one micro-batch");
        }
        if (microBatches.size() == 1) {
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray value = loss.compute(forward(microBatches.get(0)));
                collector.backward(value);
                return value;
            }
        }
        int k = microBatches.size();
        NDArray[] images = new NDArray[k];
        NDArray[] texts = new NDArray[k];
        try (NoGradScope noGrad = NoGradScope.enter()) {
            for (int j = 0; j < k; j++) {
                ClipOutput cached = forward(microBatches.get(j));
                images[j] = cached.imageFeatures();
                texts[j] = cached.textFeatures();
            }
        }
        NDArray first = null;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            for (int j = 0; j < k; j++) {
                ClipOutput out = forward(microBatches.get(j));
                NDArray scale = j == 0 ? out.logitScale() : out.logitScale().stopGradient();
                NDArray bias = out.logitBias() == null || j == 0 ? out.logitBias() : out.logitBias().stopGradient();
                ClipOutput full = new ClipOutput(splice(images, j, out.imageFeatures()),
                        splice(texts, j, out.textFeatures()), scale, bias);
                NDArray value = loss.compute(full);
                collector.backward(value);
                if (j == 0) {
                    first = value;
                }
            }
        }
        return first;
    }

    private ClipOutput forward(NDList microBatch) {
        return ClipOutput.fromNDList(model.forward(store, microBatch, true));
    }

    /** The cached features of all micro-batches with those of micro-batch {@code j} replaced by {@code live}. */
    private static NDArray splice(NDArray[] cached, int j, NDArray live) {
        NDList parts = new NDList(cached.length);
        for (int i = 0; i < cached.length; i++) {
            parts.add(i == j ? live : cached[i]);
        }
        return NDArrays.concat(parts, 0);
    }
}
