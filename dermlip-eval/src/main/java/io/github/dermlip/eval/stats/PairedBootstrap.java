package io.github.dermlip.eval.stats;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Paired bootstrap comparison of two models evaluated on the same images: every resample of rows is scored
 * with both models' metric, so the spread of {@code A - B} reflects only the uncertainty that matters for the
 * comparison.
 *
 * <p>The difference interval is the percentile interval of the resampled differences. The two-sided p-value
 * inverts that interval: with {@code d} the observed difference and {@code B'} the resamples on which the
 * difference is finite, {@code p = min(1, 2 (c + 1) / (B' + 1))}, where {@code c} counts resampled differences
 * on the other side of zero from {@code d} or equal to zero. The {@code +1}s (Davison and Hinkley) keep
 * {@code p} above zero with a finite number of resamples; {@code p = 1} when {@code d = 0}.
 */
public final class PairedBootstrap {
    private final Bootstrap bootstrap;

    /** Comparison with the given resampling settings. */
    public PairedBootstrap(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Compares two metrics over rows {@code 0..n-1}, resampled within {@code strata}.
     *
     * @param strata stratum (true class) of each row
     * @param metricA model A's metric on a multiset of rows
     * @param metricB model B's metric on the same rows
     */
    public PairedComparison compare(int[] strata, ToDoubleFunction<int[]> metricA, ToDoubleFunction<int[]> metricB) {
        Strata population = Strata.of(strata);
        int[] all = Bootstrap.allRows(population);
        double pointA = metricA.applyAsDouble(all);
        double pointB = metricB.applyAsDouble(all);
        double[][] values = bootstrap.distributions(population, List.of(metricA, metricB));
        double[] differences = new double[values[0].length];
        for (int b = 0; b < differences.length; b++) {
            differences[b] = values[0][b] - values[1][b];
        }
        double observed = pointA - pointB;
        int finite = 0;
        int opposite = 0;
        for (double d : differences) {
            if (Double.isFinite(d)) {
                finite++;
                if (observed > 0 ? d <= 0 : d >= 0) {
                    opposite++;
                }
            }
        }
        double pValue = observed == 0 || finite == 0 ? 1.0 : Math.min(1.0, 2.0 * (opposite + 1) / (finite + 1));
        return new PairedComparison(bootstrap.interval(pointA, values[0]), bootstrap.interval(pointB, values[1]),
                bootstrap.interval(observed, differences), pValue, finite);
    }
}
