package io.github.dermlip.eval.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Any metric by a group column (Fitzpatrick type, sex, site, ...): per group a point value with a stratified
 * bootstrap interval, and the largest gap between groups.
 *
 * <p>Rows whose group is null or blank are left out. Each group is resampled on its own, within the strata
 * (true classes) of its rows, with the same bootstrap settings, so the result is deterministic for a seed.
 */
public final class GroupBreakdown {
    private final Bootstrap bootstrap;

    /** Breakdown with the given resampling settings. */
    public GroupBreakdown(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Evaluates {@code metric} on each group.
     *
     * @param groups the group of each row {@code 0..n-1}
     * @param strata the stratum (true class) of each row, used for resampling within a group
     * @param metric the metric on a multiset of rows (global row indices)
     */
    public GroupReport compute(String[] groups, int[] strata, ToDoubleFunction<int[]> metric) {
        if (groups.length != strata.length) {
            throw new IllegalArgumentException("group column (" + groups.length + " rows) and strata ("
                    + strata.length + " rows) differ in length");
        }
        Map<String, List<Integer>> rowsByGroup = new TreeMap<>();
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] != null && !groups[i].isBlank()) {
                rowsByGroup.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
            }
        }
        List<GroupEstimate> estimates = new ArrayList<>();
        String best = null;
        String worst = null;
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        int finiteGroups = 0;
        for (Map.Entry<String, List<Integer>> entry : rowsByGroup.entrySet()) {
            int[] rows = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
            int[] rowStrata = new int[rows.length];
            for (int j = 0; j < rows.length; j++) {
                rowStrata[j] = strata[rows[j]];
            }
            Estimate estimate = bootstrap.estimate(Strata.of(rows, rowStrata), metric);
            estimates.add(new GroupEstimate(entry.getKey(), rows.length, estimate));
            double value = estimate.value();
            if (Double.isFinite(value)) {
                finiteGroups++;
                if (value > max) {
                    max = value;
                    best = entry.getKey();
                }
                if (value < min) {
                    min = value;
                    worst = entry.getKey();
                }
            }
        }
        double gap = finiteGroups >= 2 ? max - min : Double.NaN;
        return new GroupReport(estimates, gap, best, worst);
    }
}
