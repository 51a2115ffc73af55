package io.github.dermlip.eval.probe;

import io.github.dermlip.eval.stats.Strata;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/** Seeded sampling without replacement within each class, shared by the few-shot and percent subsamplers. */
final class StratifiedDraw {
    private StratifiedDraw() {}

    /**
     * Draws, from every class in ascending label order, {@code countOfClass(size)} distinct rows (a partial
     * Fisher-Yates shuffle driven by one random stream seeded with {@code seed}).
     *
     * @return the drawn row indices, ascending
     */
    static int[] draw(int[] labels, IntUnaryOperator countOfClass, long seed) {
        Strata strata = Strata.of(labels);
        SplittableRandom random = new SplittableRandom(seed);
        int[][] chosen = new int[strata.count()][];
        int total = 0;
        for (int s = 0; s < strata.count(); s++) {
            int[] members = strata.members(s);
            int take = Math.min(members.length, countOfClass.applyAsInt(members.length));
            for (int j = 0; j < take; j++) {
                int pick = j + random.nextInt(members.length - j);
                int swap = members[j];
                members[j] = members[pick];
                members[pick] = swap;
            }
            chosen[s] = Arrays.copyOf(members, take);
            total += take;
        }
        int[] rows = new int[total];
        int pos = 0;
        for (int[] c : chosen) {
            System.arraycopy(c, 0, rows, pos, c.length);
            pos += c.length;
        }
        Arrays.sort(rows);
        return rows;
    }
}
