package io.github.dermlip.eval.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    private static ToDoubleFunction<int[]> accuracy(int[] correct) {
        return rows -> {
            double sum = 0;
            for (int r : rows) {
                sum += correct[r];
            }
            return sum / rows.length;
        };
    }

    @Test
    void clearlyBetterModelGetsASmallPValue() {
        int n = 300;
        int[] strata = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            strata[i] = i % 3;
            a[i] = random.nextDouble() < 0.85 ? 1 : 0;
            b[i] = random.nextDouble() < 0.60 ? 1 : 0;
        }
        PairedComparison c = new PairedBootstrap(Bootstrap.withSeed(1)).compare(strata, accuracy(a), accuracy(b));
        assertEquals(c.modelA().value() - c.modelB().value(), c.difference().value(), 1e-12);
        assertTrue(c.difference().low() > 0, "interval " + c.difference());
        // No resample reverses the sign, so p is the smallest value the +1 rule allows: 2 / 1001.
        assertEquals(2.0 / 1001, c.pValue(), 1e-12);
        assertEquals(1000, c.resamples());
    }

    @Test
    void identicalModelsDoNotDiffer() {
        int[] correct = {1, 0, 1, 1, 0, 1, 1, 0};
        int[] strata = {0, 0, 0, 0, 1, 1, 1, 1};
        PairedComparison c = new PairedBootstrap(Bootstrap.withSeed(2))
                .compare(strata, accuracy(correct), accuracy(correct));
        assertEquals(new Estimate(0, 0, 0), c.difference());
        assertEquals(1.0, c.pValue(), 0);
    }

    @Test
    void smallDifferenceIsNotSignificant() {
        // A and B agree except on three rows of 40: A alone is right on two, B alone on one; difference 1/40.
        int n = 40;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 2;
            b[i] = i % 2;
        }
        a[0] = 1;
        a[2] = 1;
        b[4] = 1;
        PairedComparison c = new PairedBootstrap(Bootstrap.withSeed(3)).compare(new int[n], accuracy(a), accuracy(b));
        assertEquals(1.0 / 40, c.difference().value(), 1e-12);
        assertTrue(c.pValue() > 0.05, "p = " + c.pValue());
        assertTrue(c.difference().low() <= 0, "interval " + c.difference());
    }
}
