package io.github.dermlip.train;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A terminal progress bar over the run's optimizer steps showing epoch, loss, learning rate and throughput. The
 * message is kept short because the bar cuts its line at the terminal's width, message last: in 80 columns a
 * longer one lost the learning rate mid-number. The logit scale is in {@code results.jsonl}.
 */
final class TrainingProgress implements AutoCloseable {
    private final ProgressBar bar;

    /** A bar on standard error from {@code startStep} to {@code totalSteps}, or none when {@code quiet}. */
    TrainingProgress(boolean quiet, long totalSteps, long startStep) {
        bar = quiet ? null : new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps)
                .startsFrom(startStep, Duration.ZERO).setUnit(" steps", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** Advances to the step of {@code record} and shows its numbers. */
    void update(StepRecord record) {
        if (bar != null) {
            bar.stepTo(record.step());
            bar.setExtraMessage(String.format(Locale.ROOT, "ep %d loss %.4f lr %.1e %.0f/s", record.epoch(),
                    record.loss(), record.lr(), record.samplesPerSecond()));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
