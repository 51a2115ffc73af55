package io.github.dermlip.core.config;

import java.util.List;

/**
 * Range and arithmetic checks on the values a config file holds, made by {@link OpenClipConfigReader} before any
 * config record (and so any model) is built. Every error names the source, the field path and the value read.
 *
 * <p>Sizes are bounded by what the model can hold: every weight passes through one Java array on load or save,
 * so no parameter may have more elements than an array can hold, and an image of {@code 3·size²} values must fit
 * an int index.
 */
final class ConfigChecks {
    /** Elements one Java array holds reliably (as in the checkpoint readers). */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** The range of a sane preprocessing std: pixels are scaled to [0, 1] before it divides them. */
    static final double MIN_STD = 1e-4;
    static final double MAX_STD = 1e4;
    /** No published CLIP tower has more than 48 blocks; the bound keeps a typo from allocating without end. */
    static final int MAX_LAYERS = 1024;

    private final String source;

    ConfigChecks(String source) {
        this.source = source;
    }

    /** The error format of the config reader: {@code source: field 'path' what}. */
    ConfigException error(String field, String what) {
        return new ConfigException(source + ": field '" + field + "' " + what);
    }

    /** {@code value}, which must be at least {@code min}. */
    int atLeast(String field, int value, int min) {
        if (value < min) {
            throw error(field, "must be at least " + min + ", found " + value);
        }
        return value;
    }

    /** A block count in {@code 1..}{@link #MAX_LAYERS}. */
    int layers(String field, int value) {
        inRange(field, value, 1, MAX_LAYERS);
        return value;
    }

    /** {@code value}, which must be positive and finite. */
    double positiveFinite(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw error(field, "must be a positive finite number, found " + value);
        }
        return value;
    }

    /** Fails unless {@code field} = {@code value} is a multiple of {@code byField} = {@code by}. */
    void divisible(String field, int value, String byField, int by) {
        if (value % by != 0) {
            throw error(field, "= " + value + " is not a multiple of " + byField + " = " + by);
        }
    }

    /** Fails when a weight of {@code rows × cols} elements, described by {@code what}, cannot be held. */
    void fitsOneArray(String field, int value, String what, long rows, long cols) {
        if (rows > MAX_ELEMENTS / Math.max(1, cols)) {
            throw error(field, "= " + value + " makes " + what + " of " + rows + " x " + cols
                    + " elements, more than one array can hold (" + MAX_ELEMENTS + ")");
        }
    }

    /** {@code int(width * ratio)} as open_clip computes the MLP width, which must be a positive int. */
    int mlpWidth(String field, double ratio, int width) {
        positiveFinite(field, ratio);
        double hidden = width * ratio;
        if (hidden < 1 || hidden > MAX_ELEMENTS / width) {
            throw error(field, "= " + ratio + " gives an MLP of " + width + " x " + (long) hidden
                    + " elements; it must be at least 1 wide and fit one array (" + MAX_ELEMENTS + " elements)");
        }
        return (int) hidden;
    }

    /** Fails unless each channel statistic is finite and, for a std, within [{@link #MIN_STD}, {@link #MAX_STD}]. */
    void channelStatistics(String field, List<Double> values, boolean std) {
        if (values.size() != 3) {
            throw error(field, "needs 3 values (one per RGB channel), found " + values.size() + ": " + values);
        }
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (!Double.isFinite(v) || (std && (v < MIN_STD || v > MAX_STD))) {
                throw error(field + "[" + i + "]", (std ? "must lie in [" + MIN_STD + ", " + MAX_STD + "]"
                        : "must be finite") + ", found " + v);
            }
        }
    }

    /** Fails unless {@code value} lies in {@code [min, max]}. */
    void inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw error(field, "must lie in " + min + ".." + max + ", found " + value);
        }
    }
}
