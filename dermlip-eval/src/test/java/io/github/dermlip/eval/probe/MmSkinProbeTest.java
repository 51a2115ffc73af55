package io.github.dermlip.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MmSkinProbeTest {
    @Test
    void foldsFollowScikitLearnsStratifiedKFold() {
        // scikit-learn's documented example: StratifiedKFold(n_splits=2) on y = [0, 0, 1, 1] tests [0, 2], then [1, 3].
        assertArrayEquals(new int[] {0, 1, 0, 1}, StratifiedFolds.assign(new int[] {0, 0, 1, 1}, 2));
        // Worked by hand from _make_test_folds: classes in order of first appearance (1, then 0); sorted codes
        // 0,0,0,0,0,1,1,1 dealt to 2 folds give fold 0 three of class 1 and one of class 0, fold 1 two and two.
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1},
                StratifiedFolds.assign(new int[] {1, 0, 1, 1, 0, 1, 0, 1}, 2));
        assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.assign(new int[] {0, 1, 2}, 2));
    }

    @Test
    void standardizationUsesThePopulationStdAndLeavesConstantFeaturesAtScaleOne() {
        FeatureStandardizer standardizer = FeatureStandardizer.fit(new float[][] {{1, 5}, {3, 5}});

        assertArrayEquals(new double[] {2, 5}, standardizer.mean(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, standardizer.scale(), 1e-12);
        assertArrayEquals(new float[] {-1, 0}, standardizer.apply(new float[][] {{1, 5}})[0], 1e-6f);
    }

    @Test
    void crossValidationPicksTheGridsBestMeanAurocAndTheFinalFitUsesIt() {
        Random random = new Random(3);
        int n = 60;
        float[][] x = new float[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int d = 0; d < 4; d++) {
                x[i][d] = (float) (random.nextGaussian() + (d == y[i] ? 1.5 : 0) + 10);
            }
        }
        MmSkinProbe.Fit fit = MmSkinProbe.standard().fit(x, y, 3);

        double[] grid = fit.cost().grid();
        double[] scores = fit.cost().meanMacroAuroc();
        assertEquals(10, grid.length);
        assertEquals(1e-5, grid[0], 1e-17);
        assertEquals(10, grid[9], 1e-12);
        int best = 0;
        for (int i = 1; i < grid.length; i++) {
            best = scores[i] > scores[best] ? i : best;
        }
        assertEquals(grid[best], fit.cost().bestC());
        assertEquals(grid[best], fit.probe().c());
        assertTrue(scores[best] > 0.7, "separable classes score well: " + scores[best]);
        assertEquals(3, fit.predictProba(x)[0].length);
    }
}
