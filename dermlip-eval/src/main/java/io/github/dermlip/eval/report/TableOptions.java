package io.github.dermlip.eval.report;

import java.util.List;
import java.util.Set;

/**
 * Choices for the Markdown and LaTeX results tables.
 *
 * @param metrics the metric columns in order, or null for every metric in first-seen order
 * @param format how estimates are printed
 * @param boldBest whether the best value of each metric column is set in bold (ties all bold)
 * @param lowerIsBetter metrics whose best value is the lowest (calibration errors, losses)
 */
public record TableOptions(List<String> metrics, EstimateFormat format, boolean boldBest, Set<String> lowerIsBetter) {

    /** Every metric, percentages with one decimal, best in bold; {@code ece}, {@code mce}, {@code brier},
     * {@code nll} and {@code loss} are lower-is-better. */
    public static final TableOptions DEFAULT = new TableOptions(null, EstimateFormat.PERCENT_1, true,
            Set.of("ece", "mce", "brier", "nll", "loss"));

    /** Copies the collections. */
    public TableOptions {
        metrics = metrics == null ? null : List.copyOf(metrics);
        lowerIsBetter = lowerIsBetter == null ? Set.of() : Set.copyOf(lowerIsBetter);
        if (format == null) {
            throw new IllegalArgumentException("format must be given");
        }
    }

    /** These options with other metric columns. */
    public TableOptions withMetrics(List<String> columns) {
        return new TableOptions(columns, format, boldBest, lowerIsBetter);
    }

    /** These options with another number format. */
    public TableOptions withFormat(EstimateFormat estimateFormat) {
        return new TableOptions(metrics, estimateFormat, boldBest, lowerIsBetter);
    }

    /** These options with bold best values switched on or off. */
    public TableOptions withBoldBest(boolean bold) {
        return new TableOptions(metrics, format, bold, lowerIsBetter);
    }
}
