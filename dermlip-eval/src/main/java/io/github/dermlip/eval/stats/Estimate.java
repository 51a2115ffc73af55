package io.github.dermlip.eval.stats;

/**
 * A metric's point value with a confidence interval, as reported in a paper ({@code value [low, high]}).
 *
 * @param value the metric on the full evaluation set
 * @param low lower bound of the interval (NaN when not computed)
 * @param high upper bound of the interval (NaN when not computed)
 */
public record Estimate(double value, double low, double high) {

    /** A value without an interval. */
    public static Estimate of(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    /** True when the interval bounds were computed. */
    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
