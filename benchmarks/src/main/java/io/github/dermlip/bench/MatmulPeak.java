package io.github.dermlip.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The measured fp32 matrix-product peak of the engine: the best rate of {@code n x n} by {@code n x n} products
 * ({@code 2 n^3} FLOPs each) on the engine's configured threads, the denominator of model FLOPs utilization.
 */
public final class MatmulPeak {
    private MatmulPeak() {}

    /**
     * Times {@code repeats} products after one warm-up and returns the best rate in GFLOP/s.
     *
     * @param n side of the square matrices (2048 is large enough to reach the peak on a CPU)
     */
    public static double gflops(NDManager manager, int n, int repeats) {
        double best = 0;
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomNormal(new Shape(n, n));
            NDArray b = scope.randomNormal(new Shape(n, n));
            a.matMul(b).close();
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0);
                double seconds = (System.nanoTime() - start) / 1e9;
                c.close();
                best = Math.max(best, 2.0 * n * n * n / seconds / 1e9);
            }
        }
        return best;
    }
}
