package io.github.dermlip.eval.report;

import io.github.dermlip.core.table.CsvTableWriter;
import io.github.dermlip.eval.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes result rows as CSV, one row per model, task and dataset: {@code model,task,dataset} then, per metric,
 * {@code metric,metric_low,metric_high} (unscaled values, empty when absent or not computed).
 */
public final class ResultsCsv {

    private ResultsCsv() {}

    /** The CSV text. */
    public static String render(List<ResultRow> rows) {
        List<String> metrics = ResultGrid.metricNames(rows);
        List<String> header = new ArrayList<>(List.of("model", "task", "dataset"));
        for (String m : metrics) {
            header.add(m);
            header.add(m + "_low");
            header.add(m + "_high");
        }
        List<List<String>> lines = new ArrayList<>();
        for (ResultRow row : rows) {
            List<String> cells = new ArrayList<>(List.of(row.model(), row.task(), row.dataset()));
            for (String m : metrics) {
                Estimate e = row.metrics().get(m);
                cells.add(e == null ? "" : number(e.value()));
                cells.add(e == null ? "" : number(e.low()));
                cells.add(e == null ? "" : number(e.high()));
            }
            lines.add(cells);
        }
        return CsvTableWriter.render(header, lines);
    }

    /** Writes the CSV file, creating its folder. */
    public static void write(List<ResultRow> rows, Path file) {
        TextFiles.write(file, render(rows));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
