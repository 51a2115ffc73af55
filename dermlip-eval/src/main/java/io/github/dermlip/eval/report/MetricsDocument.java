package io.github.dermlip.eval.report;

import java.util.List;
import java.util.Objects;

/**
 * Everything an evaluation run reports: its provenance, the result rows, and optional per-class tables and
 * confusion matrices. {@link MetricsJson} writes and reads it as {@code metrics.json}.
 *
 * @param provenance where the results came from
 * @param results one row per model, task and dataset
 * @param perClass per-class tables (may be empty)
 * @param confusions confusion matrices (may be empty)
 */
public record MetricsDocument(Provenance provenance, List<ResultRow> results, List<ClassTable> perClass,
        List<ConfusionTable> confusions) {

    /** Copies the lists; null lists become empty. */
    public MetricsDocument {
        Objects.requireNonNull(provenance, "provenance");
        results = List.copyOf(results);
        perClass = perClass == null ? List.of() : List.copyOf(perClass);
        confusions = confusions == null ? List.of() : List.copyOf(confusions);
    }

    /** A document with result rows only. */
    public MetricsDocument(Provenance provenance, List<ResultRow> results) {
        this(provenance, results, null, null);
    }
}
