package io.github.dermlip.eval.task;

import io.github.dermlip.eval.probe.KShotSampler;
import io.github.dermlip.eval.probe.PercentSubsampler;
import java.util.Locale;

/**
 * How much of the training split a linear probe sees: a percentage of every class (DermLIP's data-efficiency
 * rule, {@link PercentSubsampler}) or a number of images per class ({@link KShotSampler}).
 *
 * @param kind percent or shots
 * @param amount the percentage in (0, 100], or the shots per class (a whole number, at least 1)
 */
public record ProbeBudget(Kind kind, double amount) {

    /** The two ways of limiting the training set. */
    public enum Kind {
        /** A percentage of every class, at least one image each. */
        PERCENT,
        /** A fixed number of images per class (all of a smaller class). */
        SHOTS
    }

    /** Validates the amount. */
    public ProbeBudget {
        if (kind == null) {
            throw new IllegalArgumentException("budget kind must be given");
        }
        if (kind == Kind.PERCENT && !(amount > 0 && amount <= 100)) {
            throw new IllegalArgumentException("percent must lie in (0, 100], got " + amount);
        }
        if (kind == Kind.SHOTS && (amount < 1 || amount != Math.rint(amount) || amount > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("shots must be a whole number of at least 1, got " + amount);
        }
    }

    /** A percentage budget. */
    public static ProbeBudget percent(double percent) {
        return new ProbeBudget(Kind.PERCENT, percent);
    }

    /** A shots-per-class budget. */
    public static ProbeBudget shots(int shots) {
        return new ProbeBudget(Kind.SHOTS, shots);
    }

    /** Short label: {@code 10%} or {@code 4-shot}. */
    public String label() {
        String number = amount == Math.rint(amount) ? Long.toString((long) amount)
                : String.format(Locale.ROOT, "%s", amount);
        return kind == Kind.PERCENT ? number + "%" : number + "-shot";
    }

    /** The task name in reports: {@code linear-probe-10%} or {@code linear-probe-4-shot}. */
    public String taskName() {
        return LinearProbeTask.TASK + "-" + label();
    }

    /**
     * The training rows kept for one seed.
     *
     * @param labels the class of every row of the training split
     * @return kept indices into {@code labels}, ascending
     */
    public int[] sample(int[] labels, long seed) {
        return kind == Kind.PERCENT ? PercentSubsampler.sample(labels, amount / 100.0, seed)
                : KShotSampler.sample(labels, (int) amount, seed);
    }
}
