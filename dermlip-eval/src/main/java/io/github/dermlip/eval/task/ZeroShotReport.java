package io.github.dermlip.eval.task;

import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.metrics.BinaryScores;
import io.github.dermlip.eval.metrics.ClassificationReport;
import io.github.dermlip.eval.metrics.PerClassMetrics;
import io.github.dermlip.eval.metrics.ReliabilityBins;
import io.github.dermlip.eval.report.ClassTable;
import io.github.dermlip.eval.report.ConfusionTable;
import io.github.dermlip.eval.report.GroupBarPlot;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.PredictionsCsv;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.ReliabilityPlot;
import io.github.dermlip.eval.report.ReportWriter;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.report.TextTable;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.GroupEstimate;
import io.github.dermlip.eval.stats.GroupReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the report of a zero-shot run into one folder.
 *
 * <ul>
 *   <li>{@code metrics.json}: top-level {@code task, model, dataset}, every metric value ({@code accuracy,
 *       balanced_accuracy, macro_f1, weighted_f1, macro_auroc, macro_aupr, [top5_accuracy,] ece, n}),
 *       {@code intervals} ({@code metric: [low, high]}), {@code groups} (with a group column), then the standard
 *       {@code provenance, results, per_class, confusion_matrices} (see {@link ReportFiles});</li>
 *   <li>{@code results.csv}, {@code results.md}, {@code results.tex}: the metrics as {@code value [low, high]};</li>
 *   <li>{@code per_class.csv|md|tex}: precision, recall, F1, one-vs-rest AUROC and support of every class;</li>
 *   <li>{@code predictions.csv}: {@code image_path,true_label,predicted_label,prob_0..prob_{K-1}};</li>
 *   <li>{@code confusion_<model>_zero-shot_<dataset>.png} (row-normalised) and {@code reliability.png};</li>
 *   <li>with a group column {@code C}: {@code groups_<C>.csv|md|tex} (every metric per group with intervals) and
 *       {@code groups_<C>_<metric>.png} bar charts for {@link #PLOTTED_METRICS}.</li>
 * </ul>
 */
public final class ZeroShotReport {
    /** The per-class table's base file name. */
    public static final String PER_CLASS = "per_class";
    /** The per-image predictions file. */
    public static final String PREDICTIONS_CSV = "predictions.csv";
    /** The reliability diagram. */
    public static final String RELIABILITY_PNG = "reliability.png";
    /** The metrics drawn as per-group bar charts. */
    public static final List<String> PLOTTED_METRICS = List.of(ClassificationReport.ACCURACY,
            ClassificationReport.BALANCED_ACCURACY, ClassificationReport.MACRO_AUROC);

    private ZeroShotReport() {}

    /**
     * Writes every file.
     *
     * @param commandLine the arguments that started the run, for the provenance
     * @param trainingRun the training run of the evaluated checkpoint, or null
     * @return the files written
     */
    public static List<Path> write(ZeroShotResult result, Path outDir, List<String> commandLine,
            TrainingRun trainingRun) {
        ClassificationReport report = result.report();
        Provenance provenance = Provenance.capture(result.model(), result.dataset(), commandLine.toArray(String[]::new),
                result.bootstrap().seed(), trainingRun);
        ClassTable perClass = new ClassTable(result.model(), ZeroShotTask.TASK, result.dataset(), result.classNames(),
                perClassColumns(result));
        ConfusionTable confusion = new ConfusionTable(result.model(), ZeroShotTask.TASK, result.dataset(),
                result.classNames(), toLong(report.confusionMatrix()));
        MetricsDocument doc = new MetricsDocument(provenance, result.rows(), List.of(perClass), List.of(confusion));
        List<Path> written = new ArrayList<>(ReportFiles.write(outDir, doc, TableOptions.DEFAULT, headline(result)));
        written.addAll(perClassTable(perClass, false).write(outDir, PER_CLASS, perClassTable(perClass, true)));
        Path predictions = outDir.resolve(PREDICTIONS_CSV);
        PredictionsCsv.write(predictions, result.images().stream().map(Path::toString).toList(), result.labels(),
                result.predicted(), result.probabilities());
        written.add(predictions);
        written.add(reliabilityPlot(result, outDir));
        if (result.groups() != null) {
            written.addAll(groupFiles(result, outDir));
        }
        return written;
    }

    private static Map<String, Object> headline(ZeroShotResult result) {
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("task", ZeroShotTask.TASK);
        headline.put("model", result.model());
        headline.put("dataset", result.dataset());
        Map<String, Object> intervals = new LinkedHashMap<>();
        result.estimates().mean().forEach((name, e) -> {
            headline.put(name, e.value());
            intervals.put(name, List.of(e.low(), e.high()));
        });
        headline.put(ClassificationReport.N, result.report().n());
        headline.put("intervals", intervals);
        if (result.groups() != null) {
            headline.put("groups", groupsJson(result.groups()));
        }
        return headline;
    }

    private static Map<String, double[]> perClassColumns(ZeroShotResult result) {
        List<PerClassMetrics> perClass = result.report().perClass();
        int k = perClass.size();
        double[] precision = new double[k];
        double[] recall = new double[k];
        double[] f1 = new double[k];
        double[] auroc = new double[k];
        double[] support = new double[k];
        int[] labels = result.labels();
        float[][] probabilities = result.probabilities();
        for (int c = 0; c < k; c++) {
            PerClassMetrics m = perClass.get(c);
            precision[c] = m.precision();
            recall[c] = m.recall();
            f1[c] = m.f1();
            support[c] = m.support();
            boolean[] positive = new boolean[labels.length];
            double[] scores = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                positive[i] = labels[i] == c;
                scores[i] = probabilities[i][c];
            }
            auroc[c] = BinaryScores.auroc(positive, scores);
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("precision", precision);
        columns.put("recall", recall);
        columns.put("f1", f1);
        columns.put("auroc", auroc);
        columns.put("support", support);
        return columns;
    }

    private static TextTable perClassTable(ClassTable table, boolean raw) {
        List<String> header = new ArrayList<>(List.of("class"));
        header.addAll(table.metrics().keySet());
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < table.classNames().size(); c++) {
            List<String> row = new ArrayList<>(List.of(table.classNames().get(c)));
            for (Map.Entry<String, double[]> column : table.metrics().entrySet()) {
                double v = column.getValue()[c];
                boolean count = column.getKey().equals("support");
                row.add(count ? Long.toString(Math.round(v)) : raw ? Cells.raw(v) : Cells.percent(v));
            }
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    private static Path reliabilityPlot(ZeroShotResult result, Path outDir) {
        ReliabilityBins bins = result.reliability();
        long[] counts = new long[bins.bins()];
        int[] intCounts = bins.counts();
        for (int b = 0; b < counts.length; b++) {
            counts[b] = intCounts[b];
        }
        Path png = outDir.resolve(RELIABILITY_PNG);
        ReliabilityPlot.write(png, String.format(Locale.ROOT, "%s on %s (ECE %.3f)", result.model(), result.dataset(),
                bins.ece()), bins.accuracy(), bins.meanConfidence(), counts);
        return png;
    }

    private static List<Path> groupFiles(ZeroShotResult result, Path outDir) {
        GroupMetrics groups = result.groups();
        String base = "groups_" + ReportWriter.slug(groups.column());
        List<GroupEstimate> first = groups.byMetric().values().iterator().next().groups();
        List<ResultRow> rows = new ArrayList<>();
        for (int g = 0; g < first.size(); g++) {
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, GroupReport> entry : groups.byMetric().entrySet()) {
                metrics.put(entry.getKey(), entry.getValue().groups().get(g).estimate());
            }
            GroupEstimate group = first.get(g);
            rows.add(new ResultRow(result.model(), ZeroShotTask.TASK,
                    result.dataset() + " [" + groups.column() + "=" + group.group() + "]", metrics,
                    Map.of("n", group.n())));
        }
        List<Path> written = new ArrayList<>(ReportWriter.writeTable(outDir, base, rows, TableOptions.DEFAULT));
        List<String> names = first.stream().map(GroupEstimate::group).toList();
        for (String metric : PLOTTED_METRICS) {
            GroupReport report = groups.byMetric().get(metric);
            if (report == null) {
                continue;
            }
            double[] value = report.groups().stream().mapToDouble(e -> e.estimate().value()).toArray();
            double[] low = report.groups().stream().mapToDouble(e -> e.estimate().low()).toArray();
            double[] high = report.groups().stream().mapToDouble(e -> e.estimate().high()).toArray();
            Path png = outDir.resolve(base + "_" + metric + ".png");
            GroupBarPlot.write(png, result.model() + " on " + result.dataset() + ": " + metric + " by "
                    + groups.column(), groups.column(), metric, names, value, low, high);
            written.add(png);
        }
        return written;
    }

    private static Map<String, Object> groupsJson(GroupMetrics groups) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        groups.byMetric().forEach((name, report) -> {
            List<Object> entries = new ArrayList<>();
            for (GroupEstimate g : report.groups()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("group", g.group());
                entry.put("n", g.n());
                entry.put("value", g.estimate().value());
                entry.put("low", g.estimate().low());
                entry.put("high", g.estimate().high());
                entries.add(entry);
            }
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("groups", entries);
            node.put("max_gap", report.maxGap());
            node.put("best", report.best());
            node.put("worst", report.worst());
            metrics.put(name, node);
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("column", groups.column());
        json.put("metrics", metrics);
        return json;
    }

    private static long[][] toLong(int[][] counts) {
        long[][] out = new long[counts.length][];
        for (int t = 0; t < counts.length; t++) {
            out[t] = new long[counts[t].length];
            for (int p = 0; p < counts[t].length; p++) {
                out[t][p] = counts[t][p];
            }
        }
        return out;
    }
}
