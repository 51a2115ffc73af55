package io.github.dermlip.eval.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-class metrics of one model on one task, for example precision, recall, F1 and support per class.
 *
 * @param model model name
 * @param task task name
 * @param dataset dataset name
 * @param classNames class names in label order
 * @param metrics metric name to one value per class, in column order
 */
public record ClassTable(String model, String task, String dataset, List<String> classNames,
        Map<String, double[]> metrics) {

    /** Copies the inputs and checks that every column has one value per class. */
    public ClassTable {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(dataset, "dataset");
        classNames = List.copyOf(classNames);
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : metrics.entrySet()) {
            if (e.getValue().length != classNames.size()) {
                throw new IllegalArgumentException("per-class metric '" + e.getKey() + "' has " + e.getValue().length
                        + " values for " + classNames.size() + " classes");
            }
            copy.put(e.getKey(), e.getValue().clone());
        }
        metrics = Collections.unmodifiableMap(copy);
    }
}
