package io.github.dermlip.eval.task;

import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Bootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a linear-probe run: one {@link ProbeSettingResult} per budget.
 *
 * @param model model name
 * @param dataset dataset name
 * @param classNames class names in label order
 * @param splits the training, validation and test rows
 * @param featureDim width of the image features
 * @param cRule how C was chosen: {@code dermlip} ({@code featureDim * trainClasses / 100}) or
 *     {@code validation-search}, or {@code mmskin-cv} (MM-Skin's protocol: standardized features, C by 5-fold
 *     cross-validation)
 * @param settings one result per budget, in the order of the settings
 * @param bootstrap the resampling settings used (its seed is also the base seed of the subsamples)
 */
public record LinearProbeResult(String model, String dataset, List<String> classNames, ProbeSplits splits,
        int featureDim, String cRule, List<ProbeSettingResult> settings, Bootstrap bootstrap) implements TaskOutcome {

    /** Copies the lists. */
    public LinearProbeResult {
        classNames = List.copyOf(classNames);
        settings = List.copyOf(settings);
    }

    @Override
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        for (ProbeSettingResult setting : settings) {
            Map<String, Object> extras = new LinkedHashMap<>();
            extras.put("seeds", setting.runs().size());
            extras.put("test_n", splits.test().length);
            extras.put("train_size", setting.runs().stream().mapToInt(ProbeRun::trainSize).average().orElse(0));
            extras.put("c", setting.runs().stream().map(ProbeRun::c).toList());
            extras.put("c_rule", cRule);
            extras.put("std", setting.estimates().std());
            extras.put("bootstrap_resamples", bootstrap.resamples());
            rows.add(new ResultRow(model, setting.budget().taskName(), dataset, setting.estimates().mean(), extras));
        }
        return rows;
    }

    @Override
    public Map<String, RowMetrics> comparable() {
        Map<String, RowMetrics> comparable = new LinkedHashMap<>();
        for (ProbeSettingResult setting : settings) {
            comparable.put(setting.budget().taskName(), setting.estimates().rowMetrics());
        }
        return comparable;
    }
}
