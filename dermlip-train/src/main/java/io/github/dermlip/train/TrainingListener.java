package io.github.dermlip.train;

import ai.djl.ndarray.NDManager;
import java.util.Map;

/** Receives a run's progress as it happens, e.g. to collect losses or to watch native memory. */
public interface TrainingListener {

    /**
     * Called after every optimizer step, once its temporary arrays are freed.
     *
     * @param record what the step did
     * @param runManager the manager that owns the model and the optimizer state
     */
    default void stepFinished(StepRecord record, NDManager runManager) {}

    /**
     * Called after every epoch's evaluation.
     *
     * @param completedEpochs epochs done (1-based, as checkpoints are numbered)
     * @param metrics validation and zero-shot metrics (empty without evaluation data)
     */
    default void epochFinished(int completedEpochs, Map<String, Double> metrics) {}
}
