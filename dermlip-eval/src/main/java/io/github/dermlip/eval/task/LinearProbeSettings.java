package io.github.dermlip.eval.task;

import io.github.dermlip.eval.probe.CostSearch;
import io.github.dermlip.eval.probe.ProbeProtocol;
import java.nio.file.Path;
import java.util.List;

/**
 * What a linear-probe run trains and evaluates.
 *
 * @param budgets the training-set sizes, all of one kind (percent or shots), in plotting order
 * @param seeds number of seeds per budget; seed {@code s} is the base seed plus {@code s}
 * @param costSearch the C grid searched on a validation split, or null for DermLIP's rule
 *     ({@code C = featureDim * trainClasses / 100})
 * @param testSplit the split evaluated when the dataset has a split column
 * @param cacheDir the feature-cache folder, or null for no cache
 * @param protocol how every probe is trained; {@link ProbeProtocol#MMSKIN} chooses C itself, so it takes no
 *     {@code costSearch}
 */
public record LinearProbeSettings(List<ProbeBudget> budgets, int seeds, CostSearch costSearch, String testSplit,
        Path cacheDir, ProbeProtocol protocol) {
    /** The default C grid of {@code --select-c}: 13 values from 1e-6 to 1e6 (CLIP's linear-probe sweep range). */
    public static final CostSearch DEFAULT_COST_SEARCH = CostSearch.logGrid(1e-6, 1e6, 13);
    /** The default test split. */
    public static final String DEFAULT_TEST_SPLIT = "test";

    /** Validates the settings. */
    public LinearProbeSettings {
        budgets = List.copyOf(budgets);
        if (budgets.isEmpty()) {
            throw new IllegalArgumentException("at least one budget (percent or shots) is needed");
        }
        if (budgets.stream().map(ProbeBudget::kind).distinct().count() > 1) {
            throw new IllegalArgumentException("budgets must be all percentages or all shot counts, got " + budgets);
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
        }
        if (testSplit == null || testSplit.isBlank()) {
            throw new IllegalArgumentException("test split must be named");
        }
        if (protocol == ProbeProtocol.MMSKIN && costSearch != null) {
            throw new IllegalArgumentException("the mmskin protocol chooses C by cross-validation; it takes no"
                    + " validation-split C search");
        }
    }

    /** Settings of DermLIP's protocol. */
    public LinearProbeSettings(List<ProbeBudget> budgets, int seeds, CostSearch costSearch, String testSplit,
            Path cacheDir) {
        this(budgets, seeds, costSearch, testSplit, cacheDir, ProbeProtocol.DERMLIP);
    }
}
