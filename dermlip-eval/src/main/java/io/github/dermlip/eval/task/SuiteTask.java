package io.github.dermlip.eval.task;

import java.nio.file.Path;
import java.util.List;

/**
 * One task of a benchmark suite, run for every model. Optional fields are null (or the documented default).
 * {@link #label()} names the task's report folder and must be unique within a suite.
 */
public sealed interface SuiteTask {

    /** Unique label of the task within its suite. */
    String label();

    /**
     * Zero-shot classification ({@link ZeroShotTask}).
     *
     * @param label unique label
     * @param dataset registry name or CSV path
     * @param dataRoot dataset folder or image folder
     * @param classes class-list file, or null
     * @param templates prompt-template file, or null for DermLIP's templates
     * @param groupBy group column, or null
     * @param split split to evaluate, or null for all items
     */
    record ZeroShot(String label, String dataset, Path dataRoot, Path classes, Path templates, String groupBy,
            String split) implements SuiteTask {}

    /**
     * Linear probing ({@link LinearProbeTask}).
     *
     * @param label unique label
     * @param dataset registry name or CSV path
     * @param dataRoot dataset folder or image folder
     * @param budgets percentages or shot counts
     * @param seeds seeds per budget
     * @param selectC whether C is searched on a validation split
     * @param testSplit the test split name
     * @param cache feature-cache folder, or null for the suite's {@code features} folder
     */
    record LinearProbe(String label, String dataset, Path dataRoot, List<ProbeBudget> budgets, int seeds,
            boolean selectC, String testSplit, Path cache) implements SuiteTask {

        /** Copies the budgets. */
        public LinearProbe {
            budgets = List.copyOf(budgets);
        }
    }

    /**
     * Image-text retrieval ({@link RetrievalTask}).
     *
     * @param label unique label
     * @param data registry name or CSV path
     * @param dataRoot dataset folder or image folder, or null
     * @param imageKey image column of a CSV
     * @param captionKey caption column of a CSV
     */
    record Retrieval(String label, String data, Path dataRoot, String imageKey, String captionKey)
            implements SuiteTask {}

    /**
     * Concept annotation ({@link ConceptTask}).
     *
     * @param label unique label
     * @param data SkinCon-layout annotation CSV (or its folder)
     * @param dataRoot image folder, or null for the CSV's folder
     * @param terms concept-terms JSON file
     * @param templates concept prompt-pair file, or null for DermLIP's prompts
     */
    record Concepts(String label, Path data, Path dataRoot, Path terms, Path templates) implements SuiteTask {}
}
