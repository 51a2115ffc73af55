package io.github.dermlip.eval.stats;

import java.util.Arrays;

/**
 * Rows of a data set grouped by an integer label (a class, or any other stratum), strata in ascending label
 * order and rows in each stratum in ascending order. Stratified resampling and per-class subsampling draw within
 * these groups.
 */
public final class Strata {
    private final int[] labels;
    private final int[][] members;

    private Strata(int[] labels, int[][] members) {
        this.labels = labels;
        this.members = members;
    }

    /** Groups the rows {@code 0..labels.length-1} by their label. */
    public static Strata of(int[] labels) {
        int[] rows = new int[labels.length];
        Arrays.setAll(rows, i -> i);
        return of(rows, labels);
    }

    /**
     * Groups the given rows by their labels.
     *
     * @param rows row indices of the population (any order, duplicates allowed)
     * @param labelsOfRows the stratum label of each entry of {@code rows}
     */
    public static Strata of(int[] rows, int[] labelsOfRows) {
        if (rows.length != labelsOfRows.length) {
            throw new IllegalArgumentException("rows (" + rows.length + ") and their labels (" + labelsOfRows.length
                    + ") differ in length");
        }
        int[] distinct = Arrays.stream(labelsOfRows).distinct().sorted().toArray();
        int[] counts = new int[distinct.length];
        int[] slotOfRow = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int slot = Arrays.binarySearch(distinct, labelsOfRows[i]);
            slotOfRow[i] = slot;
            counts[slot]++;
        }
        int[][] members = new int[distinct.length][];
        for (int s = 0; s < distinct.length; s++) {
            members[s] = new int[counts[s]];
        }
        int[] fill = new int[distinct.length];
        for (int i = 0; i < rows.length; i++) {
            int slot = slotOfRow[i];
            members[slot][fill[slot]++] = rows[i];
        }
        for (int[] m : members) {
            Arrays.sort(m);
        }
        return new Strata(distinct, members);
    }

    /** Number of strata. */
    public int count() {
        return labels.length;
    }

    /** Total number of rows over all strata. */
    public int size() {
        int n = 0;
        for (int[] m : members) {
            n += m.length;
        }
        return n;
    }

    /** The label of stratum {@code s} (strata are sorted by label). */
    public int label(int s) {
        return labels[s];
    }

    /** The rows of stratum {@code s}, ascending (a copy). */
    public int[] members(int s) {
        return members[s].clone();
    }

    /** Number of rows in stratum {@code s}. */
    public int sizeOf(int s) {
        return members[s].length;
    }

    /** Row {@code j} of stratum {@code s}, without copying the stratum. */
    int member(int s, int j) {
        return members[s][j];
    }
}
