package io.github.dermlip.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void expectedCalibrationErrorOnHandCase() {
        int[] labels = {0, 0, 1, 1};
        double[][] probabilities = {{0.9, 0.1}, {0.08, 0.92}, {0.3, 0.7}, {0.55, 0.45}};
        // Top-class confidences 0.9 (right), 0.92 (wrong), 0.7 (right), 0.55 (wrong). With 15 bins of width 1/15:
        // 0.9 and 0.92 share bin 13, (0.8667, 0.9333]: accuracy 1/2, confidence 0.91; 0.7 is alone in bin 10,
        // 0.55 alone in bin 8. ECE = 2/4 * |0.5 - 0.91| + 1/4 * |1 - 0.7| + 1/4 * |0 - 0.55| = 0.4175.
        ReliabilityBins bins = Calibration.reliability(labels, probabilities, new int[] {0, 1, 2, 3}, 15);
        assertEquals(0.4175, bins.ece(), 1e-12);
        assertEquals(2, bins.counts()[13]);
        assertEquals(0.91, bins.meanConfidence()[13], 1e-12);
        assertEquals(0.5, bins.accuracy()[13], 0);
        assertEquals(1, bins.counts()[10]);
        assertEquals(1, bins.counts()[8]);
        assertTrue(Double.isNaN(bins.accuracy()[0]));
    }

    @Test
    void binsAreOpenBelowAndClosedAbove() {
        assertEquals(2, Calibration.binOf(0.2, 15));
        assertEquals(3, Calibration.binOf(0.2000001, 15));
        assertEquals(0, Calibration.binOf(0.0, 15));
        assertEquals(14, Calibration.binOf(1.0, 15));
        int[] counts = new int[4];
        for (double c : new double[] {0.25, 0.26, 0.5, 0.75, 0.99}) {
            counts[Calibration.binOf(c, 4)]++;
        }
        assertArrayEquals(new int[] {1, 2, 1, 1}, counts);
    }
}
