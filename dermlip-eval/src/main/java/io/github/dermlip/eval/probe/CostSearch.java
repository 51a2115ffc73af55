package io.github.dermlip.eval.probe;

import java.util.Arrays;

/**
 * Chooses the probe's C on a validation split, the alternative to DermLIP's fixed C rule: every C of a
 * logarithmic grid is fitted on the training split and scored by validation accuracy; the most accurate wins,
 * the smallest C (strongest regularization) among equals.
 *
 * @param grid C values to try
 * @param maxIterations iteration cap of every fit
 * @param tolerance stopping tolerance of every fit
 */
public record CostSearch(double[] grid, int maxIterations, double tolerance) {

    /** Validates and sorts the grid. */
    public CostSearch {
        if (grid.length == 0) {
            throw new IllegalArgumentException("the C grid is empty");
        }
        grid = grid.clone();
        Arrays.sort(grid);
    }

    /** The C values to try (a copy). */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** A search over {@code points} C values spaced evenly in log scale from {@code min} to {@code max}. */
    public static CostSearch logGrid(double min, double max, int points) {
        if (!(min > 0) || !(max >= min) || points < 1 || (points == 1 && max != min)) {
            throw new IllegalArgumentException("need 0 < min <= max and points >= 1 (1 only when min == max), got "
                    + min + ", " + max + ", " + points);
        }
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            double t = points == 1 ? 0 : (double) i / (points - 1);
            grid[i] = Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)));
        }
        return new CostSearch(grid, LogisticRegressionProbe.DEFAULT_MAX_ITERATIONS,
                LogisticRegressionProbe.DEFAULT_TOLERANCE);
    }

    /** Fits every C on the training split and picks the best on the validation split. */
    public CostSelection select(float[][] trainFeatures, int[] trainLabels, float[][] validationFeatures,
            int[] validationLabels, int numClasses) {
        if (validationFeatures.length != validationLabels.length || validationLabels.length == 0) {
            throw new IllegalArgumentException("validation split needs as many labels as feature rows, and at"
                    + " least one; got " + validationFeatures.length + " rows and " + validationLabels.length
                    + " labels");
        }
        double[] accuracy = new double[grid.length];
        int best = 0;
        for (int i = 0; i < grid.length; i++) {
            LogisticRegressionProbe probe = new LogisticRegressionProbe(grid[i], maxIterations, tolerance);
            int[] predicted = probe.fit(trainFeatures, trainLabels, numClasses).classifier()
                    .predict(validationFeatures);
            int correct = 0;
            for (int r = 0; r < predicted.length; r++) {
                if (predicted[r] == validationLabels[r]) {
                    correct++;
                }
            }
            accuracy[i] = (double) correct / predicted.length;
            if (accuracy[i] > accuracy[best]) {
                best = i;
            }
        }
        return new CostSelection(grid[best], grid, accuracy);
    }
}
