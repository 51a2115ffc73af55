package io.github.dermlip.train;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** A terminal progress bar over the run's optimizer steps showing loss, learning rate, logit scale and throughput. */
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
            bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d | loss %.4f | lr %.3e | scale %.2f | %.1f samples/s",
                    record.epoch(), record.loss(), record.lr(), record.logitScale(), record.samplesPerSecond()));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
