package io.github.dermlip.eval.cli;

import io.github.dermlip.core.api.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on standard error for a long run: shown only when the run has more than one batch and progress
 * is not switched off, so short runs print nothing extra.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private final ProgressBar bar;

    private ConsoleProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar named {@code task} for {@code total} items processed {@code batchSize} at a time. */
    static ConsoleProgress start(String task, int total, int batchSize, boolean enabled) {
        if (!enabled || total <= batchSize) {
            return new ConsoleProgress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).showSpeed()
                .build();
        return new ConsoleProgress(bar);
    }

    @Override
    public void progress(int done, int total) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
