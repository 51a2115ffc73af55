package io.github.dermlip.train;

import io.github.dermlip.train.data.BadSampleReason;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
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
 * @param skippedSamples bad samples skipped by this invocation, by reason in declaration order (only reasons that occurred; a resumed
 *     run includes the skips of the epoch it resumed in)
 */
public record TrainingSummary(Path runDirectory, long steps, int epochsCompleted, float lastLoss, Path lastCheckpoint,
        boolean stoppedAtMaxSteps, Map<String, Double> lastMetrics, Path curves, Map<BadSampleReason, Long> skippedSamples) {

    /** Copies the metrics and counts. */
    public TrainingSummary {
        lastMetrics = Map.copyOf(lastMetrics);
        EnumMap<BadSampleReason, Long> counts = new EnumMap<>(BadSampleReason.class);
        counts.putAll(skippedSamples);
        skippedSamples = Collections.unmodifiableMap(counts);
    }
}
