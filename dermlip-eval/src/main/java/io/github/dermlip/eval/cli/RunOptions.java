package io.github.dermlip.eval.cli;

import io.github.dermlip.core.api.ProgressListener;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.task.DermLipModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Resampling and console options shared by the evaluation commands, and the run they share: load the model, run
 * the task, print the results table and where the report went.
 */
final class RunOptions {
    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples of the 95%% confidence intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of resampling, splits and subsamples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "Do not show progress bars.")
    boolean noProgress;

    /** The command these options are mixed into. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** One evaluation task on a loaded model, writing its report. */
    @FunctionalInterface
    interface Evaluation {
        /**
         * Evaluates {@code model} and writes the report files.
         *
         * @param bootstrap the resampling of the confidence intervals
         * @param commandLine the arguments that started the run, for the provenance
         */
        void run(DermLipModel model, Bootstrap bootstrap, List<String> commandLine) throws IOException;
    }

    /**
     * Loads the model named by {@code model} (with a progress bar unless switched off), runs {@code task} on it,
     * frees it, then prints the results table of {@code outDir} and where the report went.
     *
     * @return the exit status, 0
     */
    int evaluate(ModelOptions model, Path outDir, Evaluation task) throws IOException {
        try (DermLipModel lip = DermLipModel.load(null, model.model, model.options(), progress())) {
            task.run(lip, bootstrap(), TaskRuns.commandLine(command));
        }
        TaskRuns.summarize(command, outDir);
        return 0;
    }

    /** Resampling with these options: 95% percentile intervals, resamples evaluated in parallel. */
    private Bootstrap bootstrap() {
        return new Bootstrap(bootstrap, seed, Bootstrap.DEFAULT_CONFIDENCE, true);
    }

    /** A progress bar for encoding, or none. */
    private ProgressListener progress() {
        return noProgress ? ProgressListener.NONE : new EncodingProgress();
    }
}
