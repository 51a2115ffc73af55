package io.github.dermlip.eval.report;

import java.util.Objects;

/**
 * One model's curve with an optional confidence band, for {@link FewShotPlot}.
 *
 * @param name legend label
 * @param y the metric at each x
 * @param low lower band bound at each x, or null for no band
 * @param high upper band bound at each x, or null for no band
 */
public record BandSeries(String name, double[] y, double[] low, double[] high) {

    /** Checks that the band is given whole or not at all, with one bound per point. */
    public BandSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(y, "y");
        if ((low == null) != (high == null)) {
            throw new IllegalArgumentException(name + ": give both band bounds or neither");
        }
        if (low != null && (low.length != y.length || high.length != y.length)) {
            throw new IllegalArgumentException(name + ": " + y.length + " points but band bounds of length "
                    + low.length + " and " + high.length);
        }
    }

    /** A curve without a band. */
    public static BandSeries line(String name, double[] y) {
        return new BandSeries(name, y, null, null);
    }
}
