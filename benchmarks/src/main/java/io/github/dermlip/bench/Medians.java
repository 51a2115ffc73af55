package io.github.dermlip.bench;

import java.util.Arrays;

/** The median of measured values. */
public final class Medians {
    private Medians() {}

    /** The median of {@code values} (the mean of the two middle ones for an even count). */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median of no values is undefined");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
