package io.github.dermlip.eval.cli;

import io.github.dermlip.core.api.ProgressListener;
import io.github.dermlip.eval.stats.Bootstrap;
import picocli.CommandLine.Option;

/** Resampling and console options shared by the evaluation commands. */
final class RunOptions {
    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples of the 95% confidence intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of resampling, splits and subsamples (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-progress", description = "Do not show progress bars.")
    boolean noProgress;

    /** Resampling with these options: 95% percentile intervals, resamples evaluated in parallel. */
    Bootstrap bootstrap() {
        return new Bootstrap(bootstrap, seed, Bootstrap.DEFAULT_CONFIDENCE, true);
    }

    /** A progress bar for encoding, or none. */
    ProgressListener progress() {
        return noProgress ? ProgressListener.NONE : new EncodingProgress();
    }
}
