package io.github.dermlip.eval.stats;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Stratified bootstrap confidence intervals by the percentile method, for any metric that can be evaluated on a
 * multiset of row indices.
 *
 * <p>Each resample draws, within every stratum (normally the true class), as many rows with replacement as the
 * stratum holds, so class proportions stay fixed, as in DermLIP's/PanDerm's resampling of test predictions. The
 * metric receives the drawn row indices (duplicates included, grouped by stratum), so it must not depend on their
 * order. The interval is the {@code (1-confidence)/2} and {@code 1-(1-confidence)/2} quantiles of the resampled
 * values (linear interpolation); resamples where the metric is NaN are left out of the quantiles.
 *
 * <p>Resample {@code b} uses its own random stream, derived from {@code seed} in a fixed order, so the result
 * depends only on the seed, whether or not resamples run in parallel. With {@code parallel} the metric functions
 * are called from several threads at once and must be thread-safe.
 *
 * @param resamples number of bootstrap resamples (default 1,000)
 * @param seed random seed
 * @param confidence coverage of the interval, in (0, 1) (default 0.95)
 * @param parallel whether resamples are evaluated on the common fork-join pool
 */
public record Bootstrap(int resamples, long seed, double confidence, boolean parallel) {

    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Default interval coverage. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** Validates the settings. */
    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
    }

    /** 1,000 sequential resamples at 95% coverage. */
    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(DEFAULT_RESAMPLES, seed, DEFAULT_CONFIDENCE, false);
    }

    /**
     * Estimate with interval over the whole data set.
     *
     * @param strata stratum label of each row {@code 0..n-1} (use one constant label for a plain bootstrap)
     * @param metric the metric on a multiset of rows
     */
    public Estimate estimate(int[] strata, ToDoubleFunction<int[]> metric) {
        return estimate(Strata.of(strata), metric);
    }

    /** Estimate with interval over the rows of {@code population}, resampled within its strata. */
    public Estimate estimate(Strata population, ToDoubleFunction<int[]> metric) {
        double point = metric.applyAsDouble(allRows(population));
        return interval(point, distributions(population, List.of(metric))[0]);
    }

    /**
     * The resampled values of several metrics evaluated on the same resamples: {@code [metric][resample]}.
     * Evaluating metrics on shared resamples is what paired comparisons need.
     */
    public double[][] distributions(Strata population, List<ToDoubleFunction<int[]>> metrics) {
        if (population.size() == 0) {
            throw new IllegalArgumentException("cannot bootstrap an empty population");
        }
        long[] seeds = new SplittableRandom(seed).longs(resamples).toArray();
        double[][] values = new double[metrics.size()][resamples];
        IntStream range = IntStream.range(0, resamples);
        (parallel ? range.parallel() : range).forEach(b -> {
            int[] drawn = resample(population, new SplittableRandom(seeds[b]));
            for (int m = 0; m < metrics.size(); m++) {
                values[m][b] = metrics.get(m).applyAsDouble(drawn);
            }
        });
        return values;
    }

    /** The percentile interval of {@code distribution} around a point value computed on the full data. */
    public Estimate interval(double pointValue, double[] distribution) {
        double[] sorted = Percentiles.finiteSorted(distribution);
        double tail = (1 - confidence) / 2;
        return new Estimate(pointValue, Percentiles.quantileOfSorted(sorted, tail),
                Percentiles.quantileOfSorted(sorted, 1 - tail));
    }

    /** All rows of the population, stratum by stratum. */
    static int[] allRows(Strata population) {
        int[] rows = new int[population.size()];
        int pos = 0;
        for (int s = 0; s < population.count(); s++) {
            for (int j = 0; j < population.sizeOf(s); j++) {
                rows[pos++] = population.member(s, j);
            }
        }
        return rows;
    }

    private static int[] resample(Strata population, SplittableRandom random) {
        int[] drawn = new int[population.size()];
        int pos = 0;
        for (int s = 0; s < population.count(); s++) {
            int size = population.sizeOf(s);
            for (int j = 0; j < size; j++) {
                drawn[pos++] = population.member(s, random.nextInt(size));
            }
        }
        return drawn;
    }
}
