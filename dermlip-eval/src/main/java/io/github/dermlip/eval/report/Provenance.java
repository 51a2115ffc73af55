package io.github.dermlip.eval.report;

import io.github.dermlip.core.provenance.TrainingRun;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a set of results came from, written at the top of {@code metrics.json}.
 *
 * @param model model name or checkpoint path
 * @param dataset dataset name or path
 * @param commandLine the command line that produced the results
 * @param seed random seed of resampling and few-shot draws, or null when none was used
 * @param libraryVersion version of this library
 * @param timestamp when the run finished, ISO-8601 in UTC
 * @param gitDescribe {@code git describe} of the library's source checkout, or null when not run from one
 * @param trainingRun the training run of the evaluated checkpoint (core's {@code training_run.json}), or null when
 *     the weights were not trained by this library or several models are reported together
 */
public record Provenance(String model, String dataset, String commandLine, Long seed, String libraryVersion,
        String timestamp, String gitDescribe, TrainingRun trainingRun) {

    /** Checks the required fields. */
    public Provenance {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * Provenance of a run finishing now, with this library's version and source revision.
     *
     * @param model model name or path
     * @param dataset dataset name or path
     * @param args the command-line arguments (quoted where they hold spaces)
     * @param seed the seed, or null
     * @param trainingRun the checkpoint's training run, or null
     */
    public static Provenance capture(String model, String dataset, String[] args, Long seed, TrainingRun trainingRun) {
        return new Provenance(model, dataset, BuildInfo.commandLine(args), seed, BuildInfo.libraryVersion(),
                Instant.now().toString(), BuildInfo.gitDescribe(), trainingRun);
    }
}
