package io.github.dermlip.eval.cli;

import io.github.dermlip.core.api.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on standard error for each encoding run of more than one batch: it appears at the first batch
 * that leaves work to do and closes when the run completes, so single-batch runs print nothing.
 */
final class EncodingProgress implements ProgressListener {
    private ProgressBar bar;

    @Override
    public synchronized void progress(int done, int total) {
        if (bar == null && done < total) {
            bar = new ProgressBarBuilder().setTaskName("encoding").setInitialMax(total)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).showSpeed()
                    .build();
        }
        if (bar != null) {
            bar.stepTo(done);
            if (done >= total) {
                bar.close();
                bar = null;
            }
        }
    }
}
