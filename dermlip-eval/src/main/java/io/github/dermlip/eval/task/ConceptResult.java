package io.github.dermlip.eval.task;

import io.github.dermlip.eval.concepts.ConceptAnnotationReport;
import io.github.dermlip.eval.concepts.ConceptScores;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.Estimate;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a concept-annotation run.
 *
 * @param model model name
 * @param dataset dataset name
 * @param images the annotated images, in row order
 * @param scores presence score of every concept in every image
 * @param report per-concept AUROC, their mean and the count above 0.7
 * @param conceptEstimates every concept's AUROC with its bootstrap interval, in concept order
 * @param meanAuroc the mean AUROC with its bootstrap interval
 * @param rowMetrics {@value ConceptTask#MEAN_AUROC} as a function of a multiset of images
 * @param bootstrap the resampling settings used
 */
public record ConceptResult(String model, String dataset, List<Path> images, ConceptScores scores,
        ConceptAnnotationReport report, List<Estimate> conceptEstimates, Estimate meanAuroc, RowMetrics rowMetrics,
        Bootstrap bootstrap) implements TaskOutcome {

    /** Copies the lists. */
    public ConceptResult {
        images = List.copyOf(images);
        conceptEstimates = List.copyOf(conceptEstimates);
    }

    /** The share of evaluated concepts whose AUROC exceeds {@link ConceptAnnotationReport#THRESHOLD}. */
    public double shareAboveThreshold() {
        return report.evaluated() == 0 ? Double.NaN : (double) report.aboveThreshold() / report.evaluated();
    }

    @Override
    public List<ResultRow> rows() {
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        metrics.put(ConceptTask.MEAN_AUROC, meanAuroc);
        metrics.put(ConceptTask.SHARE_ABOVE, Estimate.of(shareAboveThreshold()));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("n", images.size());
        extras.put(ConceptTask.COUNT_ABOVE, report.aboveThreshold());
        extras.put("evaluated", report.evaluated());
        extras.put("concepts", report.perConcept().size());
        extras.put("bootstrap_resamples", bootstrap.resamples());
        return List.of(new ResultRow(model, ConceptTask.TASK, dataset, metrics, extras));
    }

    @Override
    public Map<String, RowMetrics> comparable() {
        return Map.of(ConceptTask.TASK, rowMetrics);
    }
}
