package io.github.dermlip.eval.task;

import io.github.dermlip.eval.report.EstimateFormat;
import io.github.dermlip.eval.stats.Estimate;

/** Table cell text for numbers: unformatted for CSV files, rounded for Markdown and LaTeX. */
final class Cells {
    private Cells() {}

    /** The full-precision value, empty when NaN. */
    static String raw(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** The value in percent with one decimal, {@code -} when NaN. */
    static String percent(double v) {
        return Double.isNaN(v) ? "-" : EstimateFormat.PERCENT_1.number(v);
    }

    /** The estimate in percent with one decimal as {@code value [low, high]}. */
    static String percent(Estimate e) {
        return EstimateFormat.PERCENT_1.format(e);
    }
}
