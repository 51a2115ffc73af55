package io.github.dermlip.eval.stats;

import java.util.Arrays;

/** Percentiles of a sample with linear interpolation between order statistics (numpy's default method). */
public final class Percentiles {
    private Percentiles() {}

    /**
     * The {@code q}-th quantile ({@code 0 <= q <= 1}) of the finite values in {@code values}; NaN values are
     * ignored, and the result is NaN when none is finite.
     */
    public static double quantile(double[] values, double q) {
        return quantileOfSorted(finiteSorted(values), q);
    }

    /** The finite values of {@code values}, sorted ascending. */
    static double[] finiteSorted(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(finite);
        return finite;
    }

    /** The {@code q}-th quantile of an ascending array; NaN when it is empty. */
    static double quantileOfSorted(double[] sorted, double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile must lie in [0, 1], got " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
