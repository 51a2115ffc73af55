package io.github.dermlip.eval.task;

import io.github.dermlip.eval.concepts.ConceptAnnotationReport;
import io.github.dermlip.eval.concepts.ConceptAnnotator;
import io.github.dermlip.eval.concepts.ConceptScores;
import io.github.dermlip.eval.concepts.ConceptTerms;
import io.github.dermlip.eval.concepts.PromptPair;
import io.github.dermlip.eval.data.ConceptDataset;
import io.github.dermlip.eval.metrics.BinaryScores;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.Strata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Zero-shot concept annotation (MONET's method as DermLIP runs it, {@link ConceptAnnotator}): every concept's
 * presence score in every image, scored by the AUROC against the annotations; reported are the per-concept AUROC,
 * their mean and how many concepts exceed 0.7 ({@link ConceptAnnotationReport}).
 *
 * <p>Intervals come from a plain bootstrap over images (annotations are multi-label, so there is no class to
 * stratify by). In a resample, a concept whose label has a single value has no AUROC and is left out of that
 * resample's mean, as concepts without positives are left out of the point value.
 */
public final class ConceptTask {
    /** The task name in reports. */
    public static final String TASK = "concepts";
    /** Name of the mean AUROC over concepts. */
    public static final String MEAN_AUROC = "mean_auroc";
    /** Name of the share of evaluated concepts with AUROC above 0.7. */
    public static final String SHARE_ABOVE = "share_above_0.7";
    /** Name of the count of concepts with AUROC above 0.7. */
    public static final String COUNT_ABOVE = "concepts_above_0.7";

    private final Bootstrap bootstrap;

    /** A task resampling with these settings. */
    public ConceptTask(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Annotates and scores.
     *
     * @param terms concept name to its terms (MONET's {@code ConceptTerms.json}); every concept of the dataset
     *     needs terms (names matched case-insensitively)
     * @param prompts template/reference prompt pairs ({@link ConceptAnnotator#DERMLIP_PROMPTS} by default)
     * @throws IllegalArgumentException naming the concepts that have no terms, or when no concept has both
     *     present and absent annotations
     */
    public ConceptResult evaluate(EmbeddingModel model, ConceptDataset data, Map<String, List<String>> terms,
            List<PromptPair> prompts) throws IOException {
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' has no images to annotate");
        }
        Map<String, List<String>> selected = ConceptTerms.select(data.conceptNames(), terms);
        float[][] embeddings = model.encodeImages(data.images());
        ConceptAnnotator annotator = new ConceptAnnotator(model::encodeTexts, prompts,
                ConceptAnnotator.MONET_LOGIT_SCALE);
        ConceptScores scores = annotator.score(embeddings, selected);
        boolean[][] presence = data.labels();
        int[][] labels = new int[presence.length][];
        for (int i = 0; i < presence.length; i++) {
            labels[i] = new int[presence[i].length];
            for (int c = 0; c < presence[i].length; c++) {
                labels[i][c] = presence[i][c] ? 1 : 0;
            }
        }
        ConceptAnnotationReport report = ConceptAnnotationReport.evaluate(scores, labels);
        if (report.evaluated() == 0) {
            throw new IllegalArgumentException(data.name() + ": no concept is both present and absent in the"
                    + " annotations, so no AUROC can be computed");
        }
        int concepts = data.conceptNames().size();
        List<ToDoubleFunction<int[]>> perConcept = new ArrayList<>();
        for (int c = 0; c < concepts; c++) {
            perConcept.add(aurocOnRows(data.conceptColumn(c), scores.column(c)));
        }
        Strata images = Strata.of(new int[data.size()]);
        double[][] distributions = bootstrap.distributions(images, perConcept);
        List<Estimate> conceptEstimates = new ArrayList<>();
        double[] meanDistribution = new double[bootstrap.resamples()];
        for (int c = 0; c < concepts; c++) {
            conceptEstimates.add(bootstrap.interval(report.perConcept().get(c).auroc(), distributions[c]));
        }
        for (int b = 0; b < meanDistribution.length; b++) {
            double[] values = new double[concepts];
            for (int c = 0; c < concepts; c++) {
                values[c] = distributions[c][b];
            }
            meanDistribution[b] = Stats.mean(values);
        }
        Estimate mean = bootstrap.interval(report.meanAuroc(), meanDistribution);
        ToDoubleFunction<int[]> meanOnRows = rows -> {
            double[] values = new double[concepts];
            for (int c = 0; c < concepts; c++) {
                values[c] = perConcept.get(c).applyAsDouble(rows);
            }
            return Stats.mean(values);
        };
        RowMetrics rowMetrics = new RowMetrics(new int[data.size()], Map.of(MEAN_AUROC, meanOnRows));
        return new ConceptResult(model.name(), data.name(), data.images(), scores, report, conceptEstimates, mean,
                rowMetrics, bootstrap);
    }

    /**
     * Annotates, scores and writes the report files ({@link ConceptReport}).
     *
     * @param commandLine the arguments that started the run, for the provenance
     */
    public ConceptResult run(EmbeddingModel model, ConceptDataset data, Map<String, List<String>> terms,
            List<PromptPair> prompts, Path outDir, List<String> commandLine) throws IOException {
        ConceptResult result = evaluate(model, data, terms, prompts);
        ConceptReport.write(result, outDir, commandLine, model.trainingRun().orElse(null));
        return result;
    }

    private static ToDoubleFunction<int[]> aurocOnRows(boolean[] positive, double[] scores) {
        return rows -> {
            boolean[] drawnPositive = new boolean[rows.length];
            double[] drawnScores = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                drawnPositive[i] = positive[rows[i]];
                drawnScores[i] = scores[rows[i]];
            }
            return BinaryScores.auroc(drawnPositive, drawnScores);
        };
    }
}
