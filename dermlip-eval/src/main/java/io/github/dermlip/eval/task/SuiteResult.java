package io.github.dermlip.eval.task;

import io.github.dermlip.eval.report.ResultRow;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a benchmark suite.
 *
 * @param rows every model's headline rows of every task, task by task, models in suite order
 * @param comparisons paired comparisons of every model with the first one
 * @param runFolders the report folder of every task run, in the order the runs happened
 */
public record SuiteResult(List<ResultRow> rows, List<ModelComparison> comparisons, List<Path> runFolders) {

    /** Copies the lists. */
    public SuiteResult {
        rows = List.copyOf(rows);
        comparisons = List.copyOf(comparisons);
        runFolders = List.copyOf(runFolders);
    }
}
