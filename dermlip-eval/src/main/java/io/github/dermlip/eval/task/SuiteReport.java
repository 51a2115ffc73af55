package io.github.dermlip.eval.task;

import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.report.TextTable;
import io.github.dermlip.eval.stats.PairedComparison;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a benchmark suite's combined report into its output folder (each run's own report is in
 * {@code runs/<model>/<task>/}).
 *
 * <ul>
 *   <li>{@code metrics.json}: top-level {@code task} ({@code benchmark}), {@code models} (names, baseline first),
 *       {@code tasks} (labels), {@code runs} ({@code [{model, task, folder}]}, folders relative to the output
 *       folder) and {@code comparisons} ({@code [{task, dataset, metric, model, baseline, model_value,
 *       baseline_value, difference, low, high, p_value, resamples}]}), then the standard {@code provenance,
 *       results, ...} with every model's rows of every task (see {@link ReportFiles});</li>
 *   <li>{@code results.csv} (every metric of every row) and {@code results.md|tex} (the
 *       {@link BenchmarkSuite#COMPARED_METRICS} columns, in percent with intervals, best per column in bold);</li>
 *   <li>{@code comparisons.csv|md|tex} (two or more models): every paired comparison with the baseline.</li>
 * </ul>
 */
public final class SuiteReport {
    /** The comparison table's base file name. */
    public static final String COMPARISONS = "comparisons";

    private SuiteReport() {}

    /**
     * Writes every file.
     *
     * @param commandLine the arguments that started the run, for the provenance
     * @return the files written
     */
    public static List<Path> write(SuiteResult result, SuiteSpec spec, Path outDir, List<String> commandLine) {
        List<String> models = spec.models().stream().map(SuiteModel::name).toList();
        List<String> tasks = spec.tasks().stream().map(SuiteTask::label).toList();
        Provenance provenance = Provenance.capture(String.join(", ", models), String.join(", ", tasks),
                commandLine.toArray(String[]::new), spec.seed(), null);
        MetricsDocument doc = new MetricsDocument(provenance, result.rows());
        List<String> present = result.rows().stream().flatMap(r -> r.metrics().keySet().stream()).distinct().toList();
        List<String> columns = BenchmarkSuite.COMPARED_METRICS.stream().filter(present::contains).toList();
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("task", "benchmark");
        headline.put("models", models);
        headline.put("tasks", tasks);
        List<Object> runs = new ArrayList<>();
        int folder = 0;
        for (String model : models) {
            for (String task : tasks) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("model", model);
                run.put("task", task);
                run.put("folder", outDir.toAbsolutePath().relativize(result.runFolders().get(folder++).toAbsolutePath())
                        .toString());
                runs.add(run);
            }
        }
        headline.put("runs", runs);
        headline.put("comparisons", result.comparisons().stream().map(SuiteReport::comparisonJson).toList());
        List<Path> written = new ArrayList<>(ReportFiles.write(outDir, doc, TableOptions.DEFAULT.withMetrics(columns),
                headline));
        if (!result.comparisons().isEmpty()) {
            written.addAll(comparisonTable(result.comparisons(), false).write(outDir, COMPARISONS,
                    comparisonTable(result.comparisons(), true)));
        }
        return written;
    }

    private static Map<String, Object> comparisonJson(ModelComparison c) {
        PairedComparison p = c.comparison();
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("task", c.task());
        node.put("dataset", c.dataset());
        node.put("metric", c.metric());
        node.put("model", c.model());
        node.put("baseline", c.baseline());
        node.put("model_value", p.modelA().value());
        node.put("baseline_value", p.modelB().value());
        node.put("difference", p.difference().value());
        node.put("low", p.difference().low());
        node.put("high", p.difference().high());
        node.put("p_value", p.pValue());
        node.put("resamples", p.resamples());
        return node;
    }

    private static TextTable comparisonTable(List<ModelComparison> comparisons, boolean raw) {
        List<String> header = raw
                ? List.of("task", "dataset", "metric", "model", "baseline", "model_value", "baseline_value",
                        "difference", "difference_low", "difference_high", "p_value")
                : List.of("task", "dataset", "metric", "model", "baseline", "model value", "baseline value",
                        "difference", "p");
        List<List<String>> rows = new ArrayList<>();
        for (ModelComparison c : comparisons) {
            PairedComparison p = c.comparison();
            List<String> row = new ArrayList<>(List.of(c.task(), c.dataset(), c.metric(), c.model(), c.baseline()));
            if (raw) {
                row.addAll(List.of(Cells.raw(p.modelA().value()), Cells.raw(p.modelB().value()),
                        Cells.raw(p.difference().value()), Cells.raw(p.difference().low()),
                        Cells.raw(p.difference().high()), Cells.raw(p.pValue())));
            } else {
                row.addAll(List.of(Cells.percent(p.modelA()), Cells.percent(p.modelB()),
                        Cells.percent(p.difference()), String.format(Locale.ROOT, "%.3f", p.pValue())));
            }
            rows.add(row);
        }
        return new TextTable(header, rows, 5);
    }
}
