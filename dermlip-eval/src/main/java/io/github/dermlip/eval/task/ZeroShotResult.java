package io.github.dermlip.eval.task;

import io.github.dermlip.eval.metrics.ClassificationReport;
import io.github.dermlip.eval.metrics.ReliabilityBins;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Bootstrap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a zero-shot classification run.
 *
 * @param model model name
 * @param dataset dataset name
 * @param classNames the class names prompted, in label order
 * @param templates the prompt templates
 * @param images the evaluated images, in row order
 * @param labels the true class of every image
 * @param probabilities {@code [images][classes]} zero-shot probabilities
 * @param estimates metrics with bootstrap intervals (one prediction)
 * @param reliability confidence bins of the reliability diagram
 * @param groups the per-group breakdown, or null when no group column was given
 * @param bootstrap the resampling settings used
 */
public record ZeroShotResult(String model, String dataset, List<String> classNames, List<String> templates,
        List<Path> images, int[] labels, float[][] probabilities, ClassificationEstimates estimates,
        ReliabilityBins reliability, GroupMetrics groups, Bootstrap bootstrap) implements TaskOutcome {

    /** Copies the lists. */
    public ZeroShotResult {
        classNames = List.copyOf(classNames);
        templates = List.copyOf(templates);
        images = List.copyOf(images);
    }

    /** All metrics of the prediction (confusion matrix and per-class values included). */
    public ClassificationReport report() {
        return estimates.reports().get(0);
    }

    /** The predicted class of every image (first class of largest probability). */
    public int[] predicted() {
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < predicted.length; i++) {
            float[] p = probabilities[i];
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[predicted[i]]) {
                    predicted[i] = c;
                }
            }
        }
        return predicted;
    }

    @Override
    public List<ResultRow> rows() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("n", report().n());
        extras.put("classes", classNames.size());
        extras.put("templates", templates.size());
        extras.put("bootstrap_resamples", bootstrap.resamples());
        return List.of(new ResultRow(model, ZeroShotTask.TASK, dataset, estimates.mean(), extras));
    }

    @Override
    public Map<String, RowMetrics> comparable() {
        return Map.of(ZeroShotTask.TASK, estimates.rowMetrics());
    }
}
