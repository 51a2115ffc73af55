package io.github.dermlip.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/** Global-norm clipping against hand-computed numbers: gradients [3, 4] and [[12]] have total norm 13. */
class GradNormClipperTest {

    @Test
    void scalesAllGradientsByTheGlobalFactor() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {3, 4});
            NDArray b = manager.create(new float[] {12}).reshape(1, 1);
            NDArray norm = new GradNormClipper(6.5).clip(new NDArray[] {a, b}, manager);
            assertEquals(13f, norm.getFloat(), 1e-5f);
            double factor = 6.5 / (13 + 1e-6);
            assertArrayEquals(new float[] {(float) (3 * factor), (float) (4 * factor)}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {(float) (12 * factor)}, b.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void leavesSmallGradientsUnchanged() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.create(new float[] {3, 4});
            new GradNormClipper(20).clip(new NDArray[] {a}, manager);
            assertArrayEquals(new float[] {3, 4}, a.toFloatArray());
        }
    }

    @Test
    void refusesANonPositiveNorm() {
        assertThrows(IllegalArgumentException.class, () -> new GradNormClipper(0));
    }
}
