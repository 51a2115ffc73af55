package io.github.dermlip.eval.task;

import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.probe.CostSearch;
import io.github.dermlip.eval.probe.LogisticRegressionProbe;
import io.github.dermlip.eval.probe.MmSkinProbe;
import io.github.dermlip.eval.probe.ProbeFit;
import io.github.dermlip.eval.probe.ProbeProtocol;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Linear probing on frozen image features: for every budget (percent of the training split or shots per class)
 * and every seed, a training subsample is drawn, an L2-regularized logistic regression is fitted
 * ({@link LogisticRegressionProbe}, C by DermLIP's rule or chosen on a validation split, or MM-Skin's protocol
 * {@link MmSkinProbe}) and its test probabilities are scored. Per budget, metrics are the mean over seeds with the
 * stratified bootstrap interval of the seed-averaged metric on the test rows, plus every seed's own interval and the
 * standard deviation over seeds ({@link ClassificationEstimates}). The test rows never change between seeds, budgets
 * or models.
 */
public final class LinearProbeTask {
    /** The task name prefix in reports ({@code linear-probe-10%}, {@code linear-probe-4-shot}). */
    public static final String TASK = "linear-probe";

    private final Bootstrap bootstrap;

    /** A task resampling with these settings; the bootstrap seed is also the base seed of splits and subsamples. */
    public LinearProbeTask(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Trains and evaluates the probes.
     *
     * @throws IOException when an image or the feature cache cannot be read
     * @throws IllegalArgumentException when the splits are missing or a subsample holds a single class
     */
    public LinearProbeResult evaluate(EmbeddingModel model, LabeledDataset data, LinearProbeSettings settings)
            throws IOException {
        CostSearch search = settings.costSearch();
        ProbeSplits splits = ProbeSplits.of(data, settings.testSplit(), search != null, bootstrap.seed());
        float[][] features = ImageFeatures.of(model, data.name(), data.images(), settings.cacheDir());
        int featureDim = features.length == 0 ? 0 : features[0].length;
        int[] labels = data.labels();
        int numClasses = data.numClasses();
        int[] train = splits.train();
        int[] trainLabels = gather(labels, train);
        float[][] testFeatures = gather(features, splits.test());
        int[] testLabels = gather(labels, splits.test());
        float[][] validationFeatures = gather(features, splits.validation());
        int[] validationLabels = gather(labels, splits.validation());
        List<ProbeSettingResult> results = new ArrayList<>();
        for (ProbeBudget budget : settings.budgets()) {
            List<ProbeRun> runs = new ArrayList<>();
            List<double[][]> predictions = new ArrayList<>();
            for (int s = 0; s < settings.seeds(); s++) {
                long seed = bootstrap.seed() + s;
                int[] rows = gather(train, budget.sample(trainLabels, seed));
                float[][] x = gather(features, rows);
                int[] y = gather(labels, rows);
                if (settings.protocol() == ProbeProtocol.MMSKIN) {
                    MmSkinProbe.Fit fit = MmSkinProbe.standard().fit(x, y, numClasses);
                    runs.add(new ProbeRun(seed, rows.length, fit.probe().c(), fit.probe().iterations(),
                            fit.probe().converged()));
                    predictions.add(fit.predictProba(testFeatures));
                    continue;
                }
                double c = search == null
                        ? LogisticRegressionProbe.dermlipC(featureDim, (int) Arrays.stream(y).distinct().count())
                        : search.select(x, y, validationFeatures, validationLabels, numClasses).bestC();
                ProbeFit fit = LogisticRegressionProbe.withC(c).fit(x, y, numClasses);
                runs.add(new ProbeRun(seed, rows.length, c, fit.iterations(), fit.converged()));
                predictions.add(fit.classifier().predictProba(testFeatures));
            }
            results.add(new ProbeSettingResult(budget, runs,
                    ClassificationEstimates.compute(testLabels, predictions, numClasses, bootstrap)));
        }
        return new LinearProbeResult(model.name(), data.name(), data.classNames(), splits, featureDim,
                cRule(settings), results, bootstrap);
    }

    /**
     * Trains, evaluates and writes the report files ({@link LinearProbeReport}).
     *
     * @param commandLine the arguments that started the run, for the provenance
     */
    public LinearProbeResult run(EmbeddingModel model, LabeledDataset data, LinearProbeSettings settings, Path outDir,
            List<String> commandLine) throws IOException {
        LinearProbeResult result = evaluate(model, data, settings);
        LinearProbeReport.write(result, outDir, commandLine, model.trainingRun().orElse(null));
        return result;
    }

    private static String cRule(LinearProbeSettings settings) {
        if (settings.protocol() == ProbeProtocol.MMSKIN) {
            return "mmskin-cv";
        }
        return settings.costSearch() == null ? "dermlip" : "validation-search";
    }

    private static int[] gather(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static float[][] gather(float[][] values, int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }
}
