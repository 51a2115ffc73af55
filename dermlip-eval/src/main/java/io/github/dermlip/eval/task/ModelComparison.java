package io.github.dermlip.eval.task;

import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.PairedBootstrap;
import io.github.dermlip.eval.stats.PairedComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model compared with the baseline (a suite's first model) on one metric of one task row, by a paired bootstrap
 * over the shared evaluation rows ({@link PairedBootstrap}): {@code difference = model - baseline}.
 *
 * @param task the row's task name
 * @param dataset the row's dataset
 * @param metric the metric
 * @param model the compared model
 * @param baseline the baseline model
 * @param comparison both values, the difference with its interval, and the two-sided p-value
 */
public record ModelComparison(String task, String dataset, String metric, String model, String baseline,
        PairedComparison comparison) {

    /**
     * Compares every model after the first with the first, on every comparable row and listed metric.
     *
     * @param models model names, baseline first
     * @param outcomes each model's outcome of the same task, in model order
     * @param metrics the metrics to compare (others are skipped)
     * @param bootstrap resampling settings
     * @throws IllegalStateException when two models were evaluated on different numbers of rows
     */
    public static List<ModelComparison> against(List<String> models, List<TaskOutcome> outcomes, List<String> metrics,
            Bootstrap bootstrap) {
        List<ModelComparison> comparisons = new ArrayList<>();
        TaskOutcome baseline = outcomes.get(0);
        PairedBootstrap paired = new PairedBootstrap(bootstrap);
        for (Map.Entry<String, RowMetrics> entry : baseline.comparable().entrySet()) {
            String task = entry.getKey();
            RowMetrics base = entry.getValue();
            String dataset = baseline.rows().stream().filter(r -> r.task().equals(task)).map(ResultRow::dataset)
                    .findFirst().orElse("");
            for (int m = 1; m < outcomes.size(); m++) {
                RowMetrics other = outcomes.get(m).comparable().get(task);
                if (other == null) {
                    continue;
                }
                if (other.size() != base.size()) {
                    throw new IllegalStateException(task + ": model '" + models.get(m) + "' was evaluated on "
                            + other.size() + " rows, the baseline '" + models.get(0) + "' on " + base.size());
                }
                for (String metric : metrics) {
                    if (base.metrics().containsKey(metric) && other.metrics().containsKey(metric)) {
                        comparisons.add(new ModelComparison(task, dataset, metric, models.get(m), models.get(0),
                                paired.compare(base.strata(), other.metrics().get(metric),
                                        base.metrics().get(metric))));
                    }
                }
            }
        }
        return comparisons;
    }
}
