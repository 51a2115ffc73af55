package io.github.dermlip.eval.report;

import io.github.dermlip.eval.stats.Estimate;
import java.util.Locale;

/**
 * How an {@link Estimate} is printed in a table: scaled (100 for percentages), with a fixed number of decimals,
 * as {@code value [low, high]}, or just {@code value} when there is no interval. A NaN value prints as
 * {@code -}.
 *
 * @param scale factor applied to value and bounds
 * @param decimals digits after the decimal point
 */
public record EstimateFormat(double scale, int decimals) {

    /** Percentages with one decimal: {@code 82.3 [80.1, 84.2]}. */
    public static final EstimateFormat PERCENT_1 = new EstimateFormat(100, 1);
    /** Fractions with three decimals: {@code 0.823 [0.801, 0.842]}. */
    public static final EstimateFormat FRACTION_3 = new EstimateFormat(1, 3);

    /** Checks the arguments. */
    public EstimateFormat {
        if (!(scale > 0) || decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("scale must be positive and decimals in 0..10, found " + scale
                    + " and " + decimals);
        }
    }

    /** The estimate as {@code value [low, high]} or {@code value}. */
    public String format(Estimate e) {
        if (Double.isNaN(e.value())) {
            return "-";
        }
        String value = number(e.value());
        return e.hasInterval() ? value + " [" + number(e.low()) + ", " + number(e.high()) + "]" : value;
    }

    /** One scaled number with the configured decimals. */
    public String number(double v) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v * scale);
    }
}
