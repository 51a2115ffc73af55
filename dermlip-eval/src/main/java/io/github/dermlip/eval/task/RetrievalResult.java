package io.github.dermlip.eval.task;

import io.github.dermlip.eval.metrics.RetrievalReport;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an image-text retrieval run.
 *
 * @param model model name
 * @param dataset dataset name
 * @param report open_clip's metrics of both directions on all pairs
 * @param estimates per direction ({@value RetrievalTask#IMAGE_TO_TEXT}, {@value RetrievalTask#TEXT_TO_IMAGE}) every
 *     metric ({@code R@k}, {@code mean_rank}, {@code median_rank}) with its bootstrap interval over queries
 * @param rowMetrics per direction the metrics as functions of a multiset of queries
 * @param bootstrap the resampling settings used
 */
public record RetrievalResult(String model, String dataset, RetrievalReport report,
        Map<String, Map<String, Estimate>> estimates, Map<String, RowMetrics> rowMetrics, Bootstrap bootstrap)
        implements TaskOutcome {

    /** Copies the maps. */
    public RetrievalResult {
        Map<String, Map<String, Estimate>> copy = new LinkedHashMap<>();
        estimates.forEach((direction, m) -> copy.put(direction, Collections.unmodifiableMap(new LinkedHashMap<>(m))));
        estimates = Collections.unmodifiableMap(copy);
        rowMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(rowMetrics));
    }

    /** The task name of a direction's row: {@code retrieval-image-to-text} or {@code retrieval-text-to-image}. */
    public static String taskName(String direction) {
        return RetrievalTask.TASK + "-" + direction.replace('_', '-');
    }

    @Override
    public List<ResultRow> rows() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("n", report.n());
        extras.put("bootstrap_resamples", bootstrap.resamples());
        return estimates.entrySet().stream().map(e -> new ResultRow(model, taskName(e.getKey()), dataset, e.getValue(),
                extras)).toList();
    }

    @Override
    public Map<String, RowMetrics> comparable() {
        Map<String, RowMetrics> comparable = new LinkedHashMap<>();
        rowMetrics.forEach((direction, metrics) -> comparable.put(taskName(direction), metrics));
        return comparable;
    }
}
