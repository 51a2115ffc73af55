package io.github.dermlip.eval.stats;

import java.util.List;

/**
 * A metric broken down by a group column.
 *
 * @param groups one estimate per group, groups in ascending order of their name
 * @param maxGap largest minus smallest point value over groups with a finite value (NaN with fewer than two)
 * @param best the group with the largest point value (null with no finite value)
 * @param worst the group with the smallest point value (null with no finite value)
 */
public record GroupReport(List<GroupEstimate> groups, double maxGap, String best, String worst) {

    /** Copies the group list. */
    public GroupReport {
        groups = List.copyOf(groups);
    }
}
