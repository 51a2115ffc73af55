package io.github.dermlip.train;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param runDirectory the run's folder
 * @param steps optimizer steps completed in total
 * @param epochsCompleted epochs completed in total
 * @param lastLoss the loss of the last step run (NaN when this invocation ran none)
 * @param lastCheckpoint the latest checkpoint written, or null when none was
 * @param stoppedAtMaxSteps whether {@code --max-steps} ended the run before its last epoch
 * @param lastMetrics the metrics of the last evaluation (empty when none ran)
 * @param curves the loss and learning-rate plot, or null when nothing was logged
 */
public record TrainingSummary(Path runDirectory, long steps, int epochsCompleted, float lastLoss, Path lastCheckpoint,
        boolean stoppedAtMaxSteps, Map<String, Double> lastMetrics, Path curves) {

    /** Copies the metrics. */
    public TrainingSummary {
        lastMetrics = Map.copyOf(lastMetrics);
    }
}
