package io.github.dermlip.eval.report;

import io.github.dermlip.eval.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cells of a results table, shared by the Markdown and LaTeX renderers: key columns (Model always, Task and
 * Dataset only when they differ between rows), then one column per metric, with the best cell of each metric
 * column marked.
 */
final class ResultGrid {
    final List<String> header = new ArrayList<>();
    final int keyColumns;
    final List<List<String>> cells = new ArrayList<>();
    final List<boolean[]> bold = new ArrayList<>();

    ResultGrid(List<ResultRow> rows, TableOptions options) {
        boolean showTask = rows.stream().map(ResultRow::task).distinct().count() > 1;
        boolean showDataset = rows.stream().map(ResultRow::dataset).distinct().count() > 1;
        header.add("Model");
        if (showTask) {
            header.add("Task");
        }
        if (showDataset) {
            header.add("Dataset");
        }
        keyColumns = header.size();
        List<String> metrics = options.metrics() != null ? options.metrics() : metricNames(rows);
        header.addAll(metrics);
        for (ResultRow row : rows) {
            List<String> line = new ArrayList<>();
            line.add(row.model());
            if (showTask) {
                line.add(row.task());
            }
            if (showDataset) {
                line.add(row.dataset());
            }
            for (String metric : metrics) {
                Estimate e = row.metrics().get(metric);
                line.add(e == null ? "-" : options.format().format(e));
            }
            cells.add(line);
            bold.add(new boolean[header.size()]);
        }
        if (options.boldBest()) {
            markBest(rows, metrics, options);
        }
    }

    /** Every metric name of the rows, in first-seen order. */
    static List<String> metricNames(List<ResultRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (ResultRow row : rows) {
            names.addAll(row.metrics().keySet());
        }
        return List.copyOf(names);
    }

    /** Marks, per metric, the cells whose value as printed is the best; ties all count. */
    private void markBest(List<ResultRow> rows, List<String> metrics, TableOptions options) {
        for (int m = 0; m < metrics.size(); m++) {
            boolean lower = options.lowerIsBetter().contains(metrics.get(m));
            double[] shown = new double[rows.size()];
            double best = Double.NaN;
            for (int r = 0; r < rows.size(); r++) {
                Estimate e = rows.get(r).metrics().get(metrics.get(m));
                shown[r] = e == null || Double.isNaN(e.value()) ? Double.NaN
                        : Double.parseDouble(options.format().number(e.value()));
                if (!Double.isNaN(shown[r]) && (Double.isNaN(best) || (lower ? shown[r] < best : shown[r] > best))) {
                    best = shown[r];
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                bold.get(r)[keyColumns + m] = shown[r] == best;
            }
        }
    }
}
