package io.github.dermlip.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CostSearchTest {

    @Test
    void logGridIsGeometric() {
        assertArrayEquals(new double[] {0.01, 0.1, 1, 10, 100}, CostSearch.logGrid(0.01, 100, 5).grid(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> CostSearch.logGrid(0, 1, 3));
    }

    @Test
    void picksTheMostAccurateAndTheSmallestAmongEquals() {
        // Two well-separated clusters: every C classifies the validation points correctly, so the smallest wins.
        float[][] train = {{-2, 0}, {-1.5f, 0.5f}, {-2.5f, -0.5f}, {2, 0}, {1.5f, -0.5f}, {2.5f, 0.5f}};
        int[] trainLabels = {0, 0, 0, 1, 1, 1};
        float[][] validation = {{-1.8f, 0.1f}, {1.9f, 0.2f}};
        int[] validationLabels = {0, 1};
        CostSelection selection = CostSearch.logGrid(0.1, 10, 3)
                .select(train, trainLabels, validation, validationLabels, 2);
        assertArrayEquals(new double[] {1, 1, 1}, selection.validationAccuracy(), 0);
        assertEquals(0.1, selection.bestC(), 1e-12);
    }

    @Test
    void weakRegularizationWinsWhenTheValidationSplitRewardsIt() {
        // The class-1 training point at -0.6 sits close to class 0. With C = 1000 the boundary lies at about -0.80,
        // with C = 0.05 the shrunken weight moves it to about -1.49, which misclassifies the validation point -1.2.
        float[][] train = {{-3}, {-2}, {-1}, {-0.6f}, {1}, {2}, {3}};
        int[] trainLabels = {0, 0, 0, 1, 1, 1, 1};
        float[][] validation = {{-1.2f}, {-0.7f}, {2.5f}, {-2.5f}};
        int[] validationLabels = {0, 1, 1, 0};
        CostSelection selection = new CostSearch(new double[] {1000, 0.05}, 1000, 1e-8)
                .select(train, trainLabels, validation, validationLabels, 2);
        assertArrayEquals(new double[] {0.05, 1000}, selection.grid(), 0);
        assertArrayEquals(new double[] {0.75, 1.0}, selection.validationAccuracy(), 0);
        assertEquals(1000, selection.bestC(), 0);
    }
}
