package io.github.dermlip.eval.task;

import io.github.dermlip.eval.report.ResultRow;
import java.util.List;
import java.util.Map;

/** What every task result offers a benchmark suite: its headline table rows and its comparable metrics. */
public interface TaskOutcome {

    /** The headline rows of the result, as they appear in the combined table. */
    List<ResultRow> rows();

    /**
     * The metrics that a paired bootstrap may compare between models, keyed by the {@link ResultRow#task()} of
     * the row they belong to.
     */
    Map<String, RowMetrics> comparable();
}
