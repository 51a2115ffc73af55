package io.github.dermlip.eval.task;

import io.github.dermlip.eval.metrics.ClassificationEvaluator;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.GroupBreakdown;
import io.github.dermlip.eval.stats.GroupReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics per value of a group column (skin type, sex, site): per group and metric a point value
 * with a stratified bootstrap interval ({@link GroupBreakdown}), plus the largest gap between groups. Rows with a
 * blank group are left out.
 *
 * @param column the group column
 * @param byMetric metric name to its breakdown, in report order
 */
public record GroupMetrics(String column, Map<String, GroupReport> byMetric) {

    /** Copies the map. */
    public GroupMetrics {
        byMetric = Collections.unmodifiableMap(new LinkedHashMap<>(byMetric));
    }

    /**
     * Breaks a prediction down by group.
     *
     * @param column the group column's name
     * @param groups the group of every row
     * @param labels the true class of every row (the resampling strata within a group)
     * @param evaluator the prepared prediction
     * @param metricNames the metrics to break down
     * @param bootstrap resampling settings
     */
    public static GroupMetrics compute(String column, String[] groups, int[] labels, ClassificationEvaluator evaluator,
            List<String> metricNames, Bootstrap bootstrap) {
        GroupBreakdown breakdown = new GroupBreakdown(bootstrap);
        Map<String, GroupReport> byMetric = new LinkedHashMap<>();
        for (String name : metricNames) {
            byMetric.put(name, breakdown.compute(groups, labels, evaluator.metric(name)));
        }
        return new GroupMetrics(column, byMetric);
    }
}
