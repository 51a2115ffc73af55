package io.github.dermlip.eval.task;

import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.metrics.Calibration;
import io.github.dermlip.eval.metrics.ClassificationEvaluator;
import io.github.dermlip.eval.metrics.ReliabilityBins;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Zero-shot classification: every image is embedded, every class name is put into every prompt template, and
 * the model's zero-shot classifier ({@link EmbeddingModel#zeroShotProbabilities}) gives class probabilities,
 * which are scored with all classification metrics and stratified bootstrap intervals
 * ({@link ClassificationEstimates}), calibration bins, and optionally a per-group breakdown.
 */
public final class ZeroShotTask {
    /** The task name in reports. */
    public static final String TASK = "zero-shot";

    private final Bootstrap bootstrap;

    /** A task resampling with these settings. */
    public ZeroShotTask(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Evaluates the model.
     *
     * @param model the model
     * @param data the images and their labels
     * @param classes the class names to prompt with, in the dataset's label order (as many as it has classes)
     * @param templates the prompt templates
     * @param groupBy a group column of the dataset to break the metrics down by, or null
     * @throws IOException when an image cannot be read
     * @throws IllegalArgumentException when the class list does not fit the dataset or the group column is absent
     */
    public ZeroShotResult evaluate(EmbeddingModel model, LabeledDataset data, ClassList classes,
            PromptTemplates templates, String groupBy) throws IOException {
        if (classes.size() != data.numClasses()) {
            throw new IllegalArgumentException("class list '" + classes.name() + "' has " + classes.size()
                    + " names but dataset '" + data.name() + "' has " + data.numClasses() + " classes "
                    + data.classNames());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' has no images to evaluate");
        }
        String[] groups = groupBy == null ? null : data.groupValues(groupBy);
        float[][] embeddings = model.encodeImages(data.images());
        float[][] probabilities = model.zeroShotProbabilities(embeddings, classes.labels(), templates.templates());
        return score(model.name(), data.name(), classes.labels(), templates.templates(), data.images(), data.labels(),
                probabilities, groupBy, groups);
    }

    /**
     * Scores zero-shot probabilities computed elsewhere (on a cluster, say) exactly as {@link #evaluate} scores its
     * own: metrics with bootstrap intervals, calibration bins and the optional per-group breakdown.
     *
     * @param probabilities {@code [images][classes]}, classes in the order of {@code classNames}
     * @param groupBy the group column's name, or null
     * @param groups every image's group value, or null without a group column
     */
    public ZeroShotResult score(String modelName, String datasetName, List<String> classNames, List<String> templates,
            List<Path> images, int[] labels, float[][] probabilities, String groupBy, String[] groups) {
        double[][] wide = widen(probabilities, classNames.size());
        ClassificationEstimates estimates = ClassificationEstimates.compute(labels, List.<double[][]>of(wide),
                classNames.size(), bootstrap);
        int[] allRows = IntStream.range(0, labels.length).toArray();
        ReliabilityBins reliability = Calibration.reliability(labels, wide, allRows, Calibration.DEFAULT_BINS);
        GroupMetrics groupMetrics = groups == null ? null
                : GroupMetrics.compute(groupBy, groups, labels,
                        new ClassificationEvaluator(labels, wide, classNames.size()), estimates.metricNames(), bootstrap);
        return new ZeroShotResult(modelName, datasetName, classNames, templates, images, labels, probabilities,
                estimates, reliability, groupMetrics, bootstrap);
    }

    /**
     * Evaluates the model and writes the report files ({@link ZeroShotReport}).
     *
     * @param outDir the report folder
     * @param commandLine the arguments that started the run, for the provenance
     */
    public ZeroShotResult run(EmbeddingModel model, LabeledDataset data, ClassList classes, PromptTemplates templates,
            String groupBy, Path outDir, List<String> commandLine) throws IOException {
        ZeroShotResult result = evaluate(model, data, classes, templates, groupBy);
        ZeroShotReport.write(result, outDir, commandLine, model.trainingRun().orElse(null));
        return result;
    }

    private static double[][] widen(float[][] probabilities, int numClasses) {
        double[][] wide = new double[probabilities.length][];
        for (int i = 0; i < wide.length; i++) {
            if (probabilities[i].length != numClasses) {
                throw new IllegalStateException("the model returned " + probabilities[i].length
                        + " probabilities for image " + i + ", expected " + numClasses);
            }
            wide[i] = new double[numClasses];
            for (int c = 0; c < numClasses; c++) {
                wide[i][c] = probabilities[i][c];
            }
        }
        return wide;
    }
}
