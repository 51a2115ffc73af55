package io.github.dermlip.eval.task;

import java.util.List;

/**
 * The probes of one budget over all seeds, scored on the test rows.
 *
 * @param budget the training budget
 * @param runs one fitted probe per seed
 * @param estimates per-seed and seed-averaged metrics with intervals
 */
public record ProbeSettingResult(ProbeBudget budget, List<ProbeRun> runs, ClassificationEstimates estimates) {

    /** Copies the list. */
    public ProbeSettingResult {
        runs = List.copyOf(runs);
    }
}
