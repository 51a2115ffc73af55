package io.github.dermlip.eval.metrics;

/** Stable primitive sort of positions by a double key (no boxing), for ranking scores. */
final class IndexSort {
    private IndexSort() {}

    /** Positions {@code 0..keys.length-1} ordered by ascending key; equal keys keep their original order. */
    static int[] ascending(double[] keys) {
        int n = keys.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                merge(keys, order, buffer, lo, lo + width, Math.min(lo + 2 * width, n));
            }
        }
        return order;
    }

    private static void merge(double[] keys, int[] order, int[] buffer, int lo, int mid, int hi) {
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            buffer[k++] = keys[order[j]] < keys[order[i]] ? order[j++] : order[i++];
        }
        while (i < mid) {
            buffer[k++] = order[i++];
        }
        while (j < hi) {
            buffer[k++] = order[j++];
        }
        System.arraycopy(buffer, lo, order, lo, hi - lo);
    }
}
