package io.github.dermlip.eval.report;

import io.github.dermlip.eval.stats.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The metrics of one model on one task of one dataset: a row of the results table.
 *
 * @param model model name
 * @param task task name ({@code zero-shot}, {@code linear-probe-10%}, {@code retrieval-i2t}, ...)
 * @param dataset dataset name
 * @param metrics metric name to estimate, in column order
 * @param extras further facts for {@code metrics.json} (numbers, strings, booleans, lists or maps of those),
 *     such as the sample count or the probe's regularisation strength
 */
public record ResultRow(String model, String task, String dataset, Map<String, Estimate> metrics,
        Map<String, Object> extras) {

    /** Checks the names and copies the maps, keeping their order. */
    public ResultRow {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(dataset, "dataset");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** A row without extras. */
    public ResultRow(String model, String task, String dataset, Map<String, Estimate> metrics) {
        this(model, task, dataset, metrics, null);
    }
}
