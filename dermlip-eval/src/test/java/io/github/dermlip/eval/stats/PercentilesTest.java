package io.github.dermlip.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void interpolatesLinearlyLikeNumpy() {
        double[] values = {4, 1, 10, 3, 2};
        // np.percentile([1, 2, 3, 4, 10], [2.5, 50, 97.5]) = [1.1, 3.0, 9.4]
        assertEquals(1.1, Percentiles.quantile(values, 0.025), 1e-12);
        assertEquals(3.0, Percentiles.quantile(values, 0.5), 1e-12);
        assertEquals(9.4, Percentiles.quantile(values, 0.975), 1e-12);
    }

    @Test
    void ignoresNaNAndHandlesEmpty() {
        assertEquals(2.0, Percentiles.quantile(new double[] {Double.NaN, 2, Double.NaN}, 0.9), 0);
        assertTrue(Double.isNaN(Percentiles.quantile(new double[] {Double.NaN}, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.quantile(new double[] {1}, 1.5));
    }
}
