package io.github.dermlip.train.data;

import java.util.random.RandomGenerator;

/** Seeded permutations of {@code 0..n-1}. */
public final class Permutations {
    private Permutations() {}

    /** {@code 0, 1, ..., n-1}. */
    public static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * A uniform random permutation: Fisher-Yates from the last element down, swapping element {@code i}
     * with element {@code rng.nextInt(i + 1)}.
     */
    public static int[] shuffled(int n, RandomGenerator rng) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
