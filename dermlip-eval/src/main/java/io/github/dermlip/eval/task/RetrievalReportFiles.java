package io.github.dermlip.eval.task;

import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.report.EstimateFormat;
import io.github.dermlip.eval.report.LinePlot;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.ReportWriter;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the report of a retrieval run into one folder.
 *
 * <ul>
 *   <li>{@code metrics.json}: top-level {@code task} ({@code retrieval}), {@code model}, {@code dataset}, {@code n},
 *       open_clip's metric names with their values ({@code image_to_text_R@1}, ..., {@code image_to_text_mean_rank},
 *       {@code image_to_text_median_rank}, then {@code text_to_image_...}), and {@code intervals} under the same
 *       names; then the standard {@code provenance, results, ...} with one row per direction (see
 *       {@link ReportFiles});</li>
 *   <li>{@code results.csv} (every metric) and {@code results.md|tex} (R@k in percent with intervals);</li>
 *   <li>{@code ranks.csv|md|tex}: mean and median rank with intervals;</li>
 *   <li>{@code recall_at_k.png}: R@k against k for both directions.</li>
 * </ul>
 */
public final class RetrievalReportFiles {
    /** The rank table's base file name. */
    public static final String RANKS = "ranks";
    /** The R@k curve. */
    public static final String RECALL_PNG = "recall_at_k.png";

    private RetrievalReportFiles() {}

    /**
     * Writes every file.
     *
     * @param commandLine the arguments that started the run, for the provenance
     * @param trainingRun the training run of the evaluated checkpoint, or null
     * @return the files written
     */
    public static List<Path> write(RetrievalResult result, Path outDir, List<String> commandLine,
            TrainingRun trainingRun) {
        Provenance provenance = Provenance.capture(result.model(), result.dataset(), commandLine.toArray(String[]::new),
                result.bootstrap().seed(), trainingRun);
        List<ResultRow> rows = result.rows();
        MetricsDocument doc = new MetricsDocument(provenance, rows);
        int[] ks = result.report().imageToText().ks();
        List<String> recallNames = new ArrayList<>();
        for (int k : ks) {
            recallNames.add(RankMetrics.recallName(k));
        }
        List<Path> written = new ArrayList<>(ReportFiles.write(outDir, doc,
                TableOptions.DEFAULT.withMetrics(recallNames), headline(result)));
        List<ResultRow> rankRows = new ArrayList<>();
        for (ResultRow row : rows) {
            Map<String, Estimate> ranks = new LinkedHashMap<>();
            ranks.put(RankMetrics.MEAN_RANK, row.metrics().get(RankMetrics.MEAN_RANK));
            ranks.put(RankMetrics.MEDIAN_RANK, row.metrics().get(RankMetrics.MEDIAN_RANK));
            rankRows.add(new ResultRow(row.model(), row.task(), row.dataset(), ranks));
        }
        TableOptions rankOptions = new TableOptions(List.of(RankMetrics.MEAN_RANK, RankMetrics.MEDIAN_RANK),
                new EstimateFormat(1, 1), true, Set.of(RankMetrics.MEAN_RANK, RankMetrics.MEDIAN_RANK));
        written.addAll(ReportWriter.writeTable(outDir, RANKS, rankRows, rankOptions));
        Path png = outDir.resolve(RECALL_PNG);
        double[] x = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            x[i] = ks[i];
        }
        new LinePlot(result.model() + " retrieval on " + result.dataset(), "k", "R@k")
                .add("image to text", x, result.report().imageToText().recallAtK())
                .add("text to image", x, result.report().textToImage().recallAtK())
                .write(png);
        written.add(png);
        return written;
    }

    private static Map<String, Object> headline(RetrievalResult result) {
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("task", RetrievalTask.TASK);
        headline.put("model", result.model());
        headline.put("dataset", result.dataset());
        headline.put("n", result.report().n());
        headline.putAll(result.report().scalars());
        Map<String, Object> intervals = new LinkedHashMap<>();
        result.estimates().forEach((direction, metrics) -> {
            for (Map.Entry<String, Estimate> e : metrics.entrySet()) {
                intervals.put(direction + "_" + e.getKey(), List.of(e.getValue().low(), e.getValue().high()));
            }
        });
        headline.put("intervals", intervals);
        return headline;
    }
}
