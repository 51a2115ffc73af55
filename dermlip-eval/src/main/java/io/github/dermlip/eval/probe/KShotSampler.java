package io.github.dermlip.eval.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Few-shot training sets: {@code k} rows per class drawn at random with a seed (all rows of a class that has
 * fewer than {@code k}). Repeating the draw over several seeds gives the spread over few-shot samples.
 */
public final class KShotSampler {
    /** The shot counts of the usual few-shot curve. */
    public static final List<Integer> STANDARD_SHOTS = List.of(1, 2, 4, 8, 16);

    private KShotSampler() {}

    /**
     * One few-shot set.
     *
     * @param labels class of every training row
     * @param shots rows per class, at least 1
     * @param seed random seed
     * @return chosen row indices, ascending
     */
    public static int[] sample(int[] labels, int shots, long seed) {
        if (shots < 1) {
            throw new IllegalArgumentException("shots must be at least 1, got " + shots);
        }
        return StratifiedDraw.draw(labels, size -> shots, seed);
    }

    /** One few-shot set per seed, in the order of {@code seeds}. */
    public static List<int[]> sampleEach(int[] labels, int shots, long... seeds) {
        List<int[]> sets = new ArrayList<>(seeds.length);
        for (long seed : seeds) {
            sets.add(sample(labels, shots, seed));
        }
        return sets;
    }
}
