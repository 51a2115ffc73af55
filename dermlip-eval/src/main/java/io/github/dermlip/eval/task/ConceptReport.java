package io.github.dermlip.eval.task;

import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.concepts.ConceptAuroc;
import io.github.dermlip.eval.report.GroupBarPlot;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.report.TextFiles;
import io.github.dermlip.eval.report.TextTable;
import io.github.dermlip.eval.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the report of a concept-annotation run into one folder.
 *
 * <ul>
 *   <li>{@code metrics.json}: top-level {@code task} ({@code concepts}), {@code model}, {@code dataset}, {@code n},
 *       {@code mean_auroc}, {@code mean_auroc_interval} ({@code [low, high]}), {@code concepts_above_0.7},
 *       {@code evaluated}, {@code concepts} and {@code per_concept} ({@code [{concept, auroc, low, high,
 *       positives, negatives}]}), then the standard {@code provenance, results, ...} (see {@link ReportFiles});</li>
 *   <li>{@code results.csv|md|tex}: mean AUROC with interval and the share of concepts above 0.7;</li>
 *   <li>{@code concepts.csv|md|tex}: every concept's AUROC with interval and its positive and negative counts;</li>
 *   <li>{@code concept_scores.csv}: {@code image_path} and every concept's presence score per image;</li>
 *   <li>{@code concept_auroc.png}: AUROC per concept (concepts with a defined AUROC) with interval bars.</li>
 * </ul>
 */
public final class ConceptReport {
    /** The per-concept table's base file name. */
    public static final String CONCEPTS = "concepts";
    /** The per-image scores file. */
    public static final String SCORES_CSV = "concept_scores.csv";
    /** The per-concept bar chart. */
    public static final String AUROC_PNG = "concept_auroc.png";

    private ConceptReport() {}

    /**
     * Writes every file.
     *
     * @param commandLine the arguments that started the run, for the provenance
     * @param trainingRun the training run of the evaluated checkpoint, or null
     * @return the files written
     */
    public static List<Path> write(ConceptResult result, Path outDir, List<String> commandLine,
            TrainingRun trainingRun) {
        Provenance provenance = Provenance.capture(result.model(), result.dataset(), commandLine.toArray(String[]::new),
                result.bootstrap().seed(), trainingRun);
        MetricsDocument doc = new MetricsDocument(provenance, result.rows());
        List<Path> written = new ArrayList<>(ReportFiles.write(outDir, doc, TableOptions.DEFAULT, headline(result)));
        written.addAll(conceptTable(result, false).write(outDir, CONCEPTS, conceptTable(result, true)));
        Path scores = outDir.resolve(SCORES_CSV);
        TextFiles.write(scores, scoresTable(result).csv());
        written.add(scores);
        written.add(barPlot(result, outDir));
        return written;
    }

    private static Map<String, Object> headline(ConceptResult result) {
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("task", ConceptTask.TASK);
        headline.put("model", result.model());
        headline.put("dataset", result.dataset());
        headline.put("n", result.images().size());
        headline.put(ConceptTask.MEAN_AUROC, result.meanAuroc().value());
        headline.put(ConceptTask.MEAN_AUROC + "_interval",
                List.of(result.meanAuroc().low(), result.meanAuroc().high()));
        headline.put(ConceptTask.COUNT_ABOVE, result.report().aboveThreshold());
        headline.put("evaluated", result.report().evaluated());
        headline.put("concepts", result.report().perConcept().size());
        List<Object> perConcept = new ArrayList<>();
        for (int c = 0; c < result.report().perConcept().size(); c++) {
            ConceptAuroc concept = result.report().perConcept().get(c);
            Estimate e = result.conceptEstimates().get(c);
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("concept", concept.concept());
            node.put("auroc", concept.auroc());
            node.put("low", e.low());
            node.put("high", e.high());
            node.put("positives", concept.positives());
            node.put("negatives", concept.negatives());
            perConcept.add(node);
        }
        headline.put("per_concept", perConcept);
        return headline;
    }

    private static TextTable conceptTable(ConceptResult result, boolean raw) {
        List<String> header = raw ? List.of("concept", "auroc", "auroc_low", "auroc_high", "positives", "negatives")
                : List.of("concept", "auroc", "positives", "negatives");
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < result.report().perConcept().size(); c++) {
            ConceptAuroc concept = result.report().perConcept().get(c);
            Estimate e = result.conceptEstimates().get(c);
            List<String> row = new ArrayList<>(List.of(concept.concept()));
            if (raw) {
                row.addAll(List.of(Cells.raw(e.value()), Cells.raw(e.low()), Cells.raw(e.high())));
            } else {
                row.add(Cells.percent(e));
            }
            row.add(Integer.toString(concept.positives()));
            row.add(Integer.toString(concept.negatives()));
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    private static TextTable scoresTable(ConceptResult result) {
        List<String> header = new ArrayList<>(List.of("image_path"));
        header.addAll(result.scores().concepts());
        double[][] scores = result.scores().scores();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            List<String> row = new ArrayList<>(List.of(result.images().get(i).toString()));
            for (double s : scores[i]) {
                row.add(Cells.raw(s));
            }
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    private static Path barPlot(ConceptResult result, Path outDir) {
        List<String> names = new ArrayList<>();
        List<Estimate> estimates = new ArrayList<>();
        for (int c = 0; c < result.conceptEstimates().size(); c++) {
            Estimate e = result.conceptEstimates().get(c);
            if (!Double.isNaN(e.value())) {
                names.add(result.report().perConcept().get(c).concept());
                estimates.add(e);
            }
        }
        Path png = outDir.resolve(AUROC_PNG);
        GroupBarPlot.write(png, result.model() + " concept AUROC on " + result.dataset(), "concept", "AUROC", names,
                estimates.stream().mapToDouble(Estimate::value).toArray(),
                estimates.stream().mapToDouble(Estimate::low).toArray(),
                estimates.stream().mapToDouble(Estimate::high).toArray());
        return png;
    }
}
