package io.github.dermlip.train;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.model.ClipModel;
import java.util.Map;

/**
 * Receives a run's progress as it happens, e.g. to collect losses, to watch native memory or to look at the model
 * between steps (without changing it).
 *
 * <p>Not DJL's {@code ai.djl.training.listener.TrainingListener}, which is bound to DJL's {@code Trainer} and its
 * metrics; this one receives this library's {@link StepRecord} and the model between steps.
 */
public interface TrainingListener {

    /**
     * Called after every optimizer step, once its temporary arrays are freed.
     *
     * @param record what the step did
     * @param model the model after the step's update
     * @param runManager the manager that owns the model and the optimizer state
     */
    default void stepFinished(StepRecord record, ClipModel model, NDManager runManager) {}

    /**
     * Called after every epoch's evaluation.
     *
     * @param completedEpochs epochs done (1-based, as checkpoints are numbered)
     * @param metrics validation and zero-shot metrics (empty without evaluation data)
     */
    default void epochFinished(int completedEpochs, Map<String, Double> metrics) {}
}
