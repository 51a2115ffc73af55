package io.github.dermlip.eval.vqa;

import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.GroupEstimate;
import io.github.dermlip.eval.task.RetrievalResult;
import io.github.dermlip.eval.task.RetrievalTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a VQA run.
 *
 * @param model model name
 * @param dataset dataset name
 * @param prompt how closed-ended candidates were scored
 * @param questions number of questions in the set
 * @param closed the closed-ended answers, or null when the set has none
 * @param open the open-ended ranking (its {@value RetrievalTask#IMAGE_TO_TEXT} direction is the VQA metric), or null
 *     when the set has none
 * @param bootstrap the resampling settings used
 */
public record VqaResult(String model, String dataset, PromptForm prompt, int questions, ClosedAnswers closed,
        RetrievalResult open, Bootstrap bootstrap) {
    /** Task name of the closed-ended row; per modality rows append {@code -<modality>}. */
    public static final String CLOSED = VqaTask.TASK + "-closed";
    /** Task name of the open-ended row. */
    public static final String OPEN = VqaTask.TASK + "-open";
    /** Closed-ended accuracy. */
    public static final String ACCURACY = "accuracy";
    /** Closed-ended chance accuracy. */
    public static final String CHANCE = "chance";

    /** The open-ended metrics: R@1, R@5, R@10, mean and median rank, with intervals; empty without open questions. */
    public Map<String, Estimate> openMetrics() {
        return open == null ? Map.of() : open.estimates().get(RetrievalTask.IMAGE_TO_TEXT);
    }

    /** One row for all closed-ended questions, one per modality, one for the open-ended questions. */
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        if (closed != null) {
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            metrics.put(ACCURACY, closed.accuracy());
            metrics.put(CHANCE, Estimate.of(closed.chance()));
            rows.add(new ResultRow(model, CLOSED, dataset, metrics, extras(closed.items().size())));
            for (GroupEstimate group : closed.byModality().groups()) {
                rows.add(new ResultRow(model, CLOSED + "-" + group.group(), dataset,
                        Map.of(ACCURACY, group.estimate()), extras(group.n())));
            }
        }
        if (open != null) {
            rows.add(new ResultRow(model, OPEN, dataset, openMetrics(), extras(open.report().n())));
        }
        return rows;
    }

    private Map<String, Object> extras(int n) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("n", n);
        extras.put("prompt", prompt.toString());
        extras.put("bootstrap_resamples", bootstrap.resamples());
        return extras;
    }
}
