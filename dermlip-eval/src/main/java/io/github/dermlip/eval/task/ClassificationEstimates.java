package io.github.dermlip.eval.task;

import io.github.dermlip.eval.metrics.ClassificationEvaluator;
import io.github.dermlip.eval.metrics.ClassificationReport;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.Strata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Classification metrics with stratified bootstrap intervals for one or several predictions of the same test
 * rows (one per seed of a linear probe; one for zero-shot).
 *
 * <p>All predictions are scored on the same resamples of the test rows (drawn within the true classes). Each
 * prediction gets its own percentile interval; the mean over predictions gets the percentile interval of the
 * per-resample mean, i.e. the test-set uncertainty of the seed-averaged metric. The spread over predictions is
 * also given as the population standard deviation of their point values ({@code numpy.std}, {@code ddof=0}).
 *
 * @param metricNames the reported metric names (the classification scalars without {@code n}, and without
 *     {@code top5_accuracy} for five classes or fewer)
 * @param reports full metrics of every prediction
 * @param perPrediction estimate with interval of every metric, per prediction
 * @param mean mean over predictions of every metric, with the interval of the seed-averaged metric
 * @param std population standard deviation over predictions of every metric (0 for one prediction)
 * @param rowMetrics every metric averaged over predictions, as a function of a multiset of test rows
 */
public record ClassificationEstimates(List<String> metricNames, List<ClassificationReport> reports,
        List<Map<String, Estimate>> perPrediction, Map<String, Estimate> mean, Map<String, Double> std,
        RowMetrics rowMetrics) {

    /** Copies the collections. */
    public ClassificationEstimates {
        metricNames = List.copyOf(metricNames);
        reports = List.copyOf(reports);
        perPrediction = perPrediction.stream().map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
        mean = Collections.unmodifiableMap(new LinkedHashMap<>(mean));
        std = Collections.unmodifiableMap(new LinkedHashMap<>(std));
    }

    /**
     * Scores the predictions.
     *
     * @param labels true class of every test row
     * @param predictions one {@code [rows][classes]} probability matrix per prediction, at least one
     * @param numClasses K
     * @param bootstrap resampling settings
     */
    public static ClassificationEstimates compute(int[] labels, List<double[][]> predictions, int numClasses,
            Bootstrap bootstrap) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to score");
        }
        List<ClassificationEvaluator> evaluators = new ArrayList<>();
        List<ClassificationReport> reports = new ArrayList<>();
        for (double[][] p : predictions) {
            ClassificationEvaluator evaluator = new ClassificationEvaluator(labels, p, numClasses);
            evaluators.add(evaluator);
            reports.add(evaluator.evaluate());
        }
        List<String> names = metricNames(numClasses);
        List<ToDoubleFunction<int[]>> functions = new ArrayList<>();
        for (String name : names) {
            for (ClassificationEvaluator evaluator : evaluators) {
                functions.add(evaluator.metric(name));
            }
        }
        double[][] distributions = bootstrap.distributions(Strata.of(labels), functions);
        int runs = predictions.size();
        List<Map<String, Estimate>> perPrediction = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            perPrediction.add(new LinkedHashMap<>());
        }
        Map<String, Estimate> mean = new LinkedHashMap<>();
        Map<String, Double> std = new LinkedHashMap<>();
        Map<String, ToDoubleFunction<int[]>> averaged = new LinkedHashMap<>();
        for (int m = 0; m < names.size(); m++) {
            String name = names.get(m);
            double[] points = new double[runs];
            double[] meanDistribution = new double[bootstrap.resamples()];
            for (int r = 0; r < runs; r++) {
                points[r] = reports.get(r).scalars().get(name);
                double[] distribution = distributions[m * runs + r];
                perPrediction.get(r).put(name, bootstrap.interval(points[r], distribution));
                for (int b = 0; b < distribution.length; b++) {
                    meanDistribution[b] += distribution[b] / runs;
                }
            }
            mean.put(name, bootstrap.interval(Stats.mean(points), meanDistribution));
            std.put(name, Stats.populationStd(points));
            List<ToDoubleFunction<int[]>> perRun = functions.subList(m * runs, (m + 1) * runs);
            averaged.put(name, rows -> {
                double sum = 0;
                for (ToDoubleFunction<int[]> f : perRun) {
                    sum += f.applyAsDouble(rows);
                }
                return sum / perRun.size();
            });
        }
        return new ClassificationEstimates(names, reports, perPrediction, mean, std, new RowMetrics(labels, averaged));
    }

    /** The reported metric names for K classes. */
    static List<String> metricNames(int numClasses) {
        List<String> names = new ArrayList<>();
        for (String name : ClassificationReport.SCALAR_NAMES) {
            boolean undefined = name.equals(ClassificationReport.TOP5_ACCURACY) && numClasses <= 5;
            if (!name.equals(ClassificationReport.N) && !undefined) {
                names.add(name);
            }
        }
        return names;
    }
}
