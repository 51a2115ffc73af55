package io.github.dermlip.eval.vqa;

import io.github.dermlip.core.table.CsvTableWriter;
import io.github.dermlip.eval.data.VqaItem;
import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.report.EstimateFormat;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.ReportWriter;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.report.TextFiles;
import io.github.dermlip.eval.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the report of a VQA run into one folder.
 *
 * <ul>
 *   <li>{@code metrics.json}, {@code results.csv} (every metric of every row: {@value VqaResult#CLOSED},
 *       {@value VqaResult#CLOSED}-&lt;modality&gt;, {@value VqaResult#OPEN}) and {@code results.md|tex} (accuracy,
 *       chance and R@k in percent with intervals), as {@link ReportWriter} writes them;</li>
 *   <li>{@code ranks.csv|md|tex}: the open-ended mean and median rank with intervals;</li>
 *   <li>{@code closed_predictions.csv}: per closed-ended question the image, modality, question, reference
 *       answer, candidates ({@code |}-joined), the candidate chosen and whether it is right.</li>
 * </ul>
 */
public final class VqaReportFiles {
    /** The rank table's base file name. */
    public static final String RANKS = "ranks";
    /** The per-question predictions. */
    public static final String PREDICTIONS_CSV = "closed_predictions.csv";
    private static final String RECALL_PREFIX = "R@";

    private VqaReportFiles() {}

    /**
     * Writes every file.
     *
     * @param commandLine the arguments that started the run, for the provenance
     * @param trainingRun the training run the model's weights come from, or null when unknown
     * @return the files written
     */
    public static List<Path> write(VqaResult result, Path outDir, List<String> commandLine, TrainingRun trainingRun) {
        Provenance provenance = Provenance.capture(result.model(), result.dataset(), commandLine.toArray(String[]::new),
                result.bootstrap().seed(), trainingRun);
        List<String> columns = new ArrayList<>(List.of(VqaResult.ACCURACY, VqaResult.CHANCE));
        List<String> rankNames = new ArrayList<>();
        for (String name : result.openMetrics().keySet()) {
            (name.startsWith(RECALL_PREFIX) ? columns : rankNames).add(name);
        }
        List<Path> written = new ArrayList<>(ReportWriter.writeAll(outDir,
                new MetricsDocument(provenance, result.rows()), TableOptions.DEFAULT.withMetrics(columns)));
        if (result.open() != null) {
            Map<String, Estimate> ranks = new LinkedHashMap<>();
            rankNames.forEach(name -> ranks.put(name, result.openMetrics().get(name)));
            List<ResultRow> rows = List.of(new ResultRow(result.model(), VqaResult.OPEN, result.dataset(), ranks));
            TableOptions options = new TableOptions(rankNames, new EstimateFormat(1, 1), true, Set.copyOf(rankNames));
            written.addAll(ReportWriter.writeTable(outDir, RANKS, rows, options));
        }
        if (result.closed() != null) {
            Path predictions = outDir.resolve(PREDICTIONS_CSV);
            TextFiles.write(predictions, predictions(result.closed()));
            written.add(predictions);
        }
        return written;
    }

    private static String predictions(ClosedAnswers closed) {
        List<List<String>> lines = new ArrayList<>();
        int[] predicted = closed.predicted();
        for (int i = 0; i < closed.items().size(); i++) {
            VqaItem item = closed.items().get(i);
            ClosedQuestion question = closed.questions().get(i);
            lines.add(List.of(item.image().toString(), item.modality() == null ? "" : item.modality(), item.question(),
                    item.answer(), String.join("|", question.candidates()), question.answer(),
                    question.candidates().get(predicted[i]), String.valueOf(predicted[i] == question.truth())));
        }
        return CsvTableWriter.render(List.of("image", "modality", "question", "answer", "candidates", "truth",
                "predicted", "correct"), lines);
    }
}
