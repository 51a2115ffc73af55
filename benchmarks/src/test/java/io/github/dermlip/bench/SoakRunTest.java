package io.github.dermlip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The soak's growth rate is an ordinary least-squares slope over the reports after the warm-up. */
class SoakRunTest {

    @Test
    void slopeIgnoresTheWarmupAndFitsTheRest() {
        int[] steps = {10, 20, 30, 40, 50};
        double[] rss = {100, 180, 200, 202, 204}; // warm-up jump, then 0.2 MiB per step
        assertEquals(0.2, SoakRun.slope(steps, rss, 2), 1e-12);
        assertEquals(0.0, SoakRun.slope(steps, new double[] {5, 1, 7, 7, 7}, 2), 1e-12);
    }
}
