package io.github.dermlip.bench;

import java.util.List;
import java.util.Locale;

/**
 * One cost-growth curve: a cost measured at growing sizes of the work, and its log-log least-squares slope (1 for
 * a cost proportional to the size, 2 for a quadratic one).
 *
 * @param name what was measured
 * @param sizeLabel the size axis, e.g. {@code batch}
 * @param costLabel the cost axis with its unit, e.g. {@code step time (s)}
 * @param sizes the sizes, increasing
 * @param costs the cost at each size
 */
public record GrowthCurve(String name, String sizeLabel, String costLabel, double[] sizes, double[] costs) {
    /** Checks that there are at least two positive points. */
    public GrowthCurve {
        if (sizes.length != costs.length || sizes.length < 2) {
            throw new IllegalArgumentException(name + ": need at least two (size, cost) points, got " + sizes.length
                    + " sizes and " + costs.length + " costs");
        }
        sizes = sizes.clone();
        costs = costs.clone();
        for (int i = 0; i < sizes.length; i++) {
            if (!(sizes[i] > 0 && costs[i] > 0)) {
                throw new IllegalArgumentException(name + ": point " + i + " is not positive: " + sizes[i] + ", " + costs[i]);
            }
        }
    }

    /** The least-squares slope of log(cost) on log(size). */
    public double slope() {
        int n = sizes.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += Math.log(sizes[i]) / n;
            meanY += Math.log(costs[i]) / n;
        }
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(sizes[i]) - meanX;
            covariance += dx * (Math.log(costs[i]) - meanY);
            variance += dx * dx;
        }
        return covariance / variance;
    }

    /** The slope in words: sub-linear (fixed costs dominate), linear or quadratic. */
    public String shape() {
        double slope = slope();
        String words = slope < 0.75 ? "sub-linear (a fixed part dominates)" : slope < 1.5 ? "linear" : "quadratic";
        return String.format(Locale.ROOT, "log-log slope %.2f: %s", slope, words);
    }

    /** The curve as a Markdown table with its slope below. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| ").append(sizeLabel).append(" | ").append(costLabel).append(" |\n|---:|---:|\n");
        for (int i = 0; i < sizes.length; i++) {
            out.append("| ").append(ResultTable.number(sizes[i])).append(" | ").append(ResultTable.number(costs[i]))
                    .append(" |\n");
        }
        return out.append('\n').append(name).append(": ").append(shape()).append('\n').toString();
    }

    /** The sizes as a list, for charts. */
    List<Double> sizeList() {
        return java.util.Arrays.stream(sizes).boxed().toList();
    }

    /** The costs as a list, for charts. */
    List<Double> costList() {
        return java.util.Arrays.stream(costs).boxed().toList();
    }
}
