package io.github.dermlip.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GroupBreakdownTest {

    @Test
    void metricPerGroupAndTheLargestGap() {
        String[] groups = {"II", "I", "II", "I", "III", null, "II", "III", "", "II"};
        int[] correct = {1, 1, 0, 1, 1, 0, 1, 0, 0, 0};
        int[] strata = {0, 1, 0, 1, 0, 1, 1, 0, 0, 1};
        ToDoubleFunction<int[]> accuracy = rows -> {
            double sum = 0;
            for (int r : rows) {
                sum += correct[r];
            }
            return sum / rows.length;
        };
        GroupReport report = new GroupBreakdown(Bootstrap.withSeed(8)).compute(groups, strata, accuracy);
        List<GroupEstimate> estimates = report.groups();
        assertEquals(List.of("I", "II", "III"), estimates.stream().map(GroupEstimate::group).toList());
        assertEquals(List.of(2, 4, 2), estimates.stream().map(GroupEstimate::n).toList());
        assertEquals(1.0, estimates.get(0).estimate().value(), 0);
        assertEquals(0.5, estimates.get(1).estimate().value(), 0);
        assertEquals(0.5, estimates.get(2).estimate().value(), 0);
        assertEquals(0.5, report.maxGap(), 0);
        assertEquals("I", report.best());
        assertEquals("II", report.worst());
        assertTrue(estimates.get(1).estimate().hasInterval());
        assertEquals(new Estimate(1.0, 1.0, 1.0), estimates.get(0).estimate());
    }

    @Test
    void gapNeedsTwoGroups() {
        GroupReport report = new GroupBreakdown(Bootstrap.withSeed(1))
                .compute(new String[] {"A", "A"}, new int[2], rows -> 0.3);
        assertTrue(Double.isNaN(report.maxGap()));
        assertEquals("A", report.best());
    }
}
