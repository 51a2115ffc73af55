package io.github.dermlip.eval.probe;

import io.github.dermlip.eval.metrics.ClassificationMetrics;
import io.github.dermlip.eval.metrics.ClassificationReport;
import java.util.Arrays;

/**
 * Chooses the probe's C by stratified k-fold cross-validation on the training rows, scored by macro AUROC, as
 * scikit-learn's {@code GridSearchCV(LogisticRegression(C=c), {"C": grid}, cv=k, scoring="roc_auc_ovr")}: every C is
 * fitted on k-1 folds and scored on the held-out one ({@link StratifiedFolds}), the mean over folds decides, and
 * among equal means the first C of the ascending grid wins. A fold whose held-out rows hold a single class has no
 * AUROC and is left out of that C's mean.
 *
 * @param grid C values to try, ascending
 * @param folds k
 * @param maxIterations iteration cap of every fit
 * @param tolerance stopping tolerance of every fit
 */
public record CrossValidatedCostSearch(double[] grid, int folds, int maxIterations, double tolerance) {

    /** Validates and sorts the grid. */
    public CrossValidatedCostSearch {
        if (grid.length == 0) {
            throw new IllegalArgumentException("the C grid is empty");
        }
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        }
        grid = grid.clone();
        Arrays.sort(grid);
    }

    /** The C values to try (a copy). */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** MM-Skin's search: {@code C in 10^linspace(-5, 1, 10)}, 5 folds. */
    public static CrossValidatedCostSearch mmskin() {
        double[] grid = new double[10];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, -5 + 6.0 * i / (grid.length - 1));
        }
        return new CrossValidatedCostSearch(grid, 5, LogisticRegressionProbe.DEFAULT_MAX_ITERATIONS,
                LogisticRegressionProbe.DEFAULT_TOLERANCE);
    }

    /**
     * Cross-validates every C on the training rows.
     *
     * @param numClasses K, the width of predicted probability rows
     */
    public CrossValidatedCost select(float[][] features, int[] labels, int numClasses) {
        int[] fold = StratifiedFolds.assign(labels, folds);
        double[] meanAuroc = new double[grid.length];
        int best = -1;
        for (int i = 0; i < grid.length; i++) {
            LogisticRegressionProbe probe = new LogisticRegressionProbe(grid[i], maxIterations, tolerance);
            double sum = 0;
            int scored = 0;
            for (int f = 0; f < folds; f++) {
                double auroc = heldOutAuroc(probe, features, labels, fold, f, numClasses);
                if (!Double.isNaN(auroc)) {
                    sum += auroc;
                    scored++;
                }
            }
            meanAuroc[i] = scored == 0 ? Double.NaN : sum / scored;
            if (!Double.isNaN(meanAuroc[i]) && (best < 0 || meanAuroc[i] > meanAuroc[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no cross-validation fold holds two classes, so no C can be scored");
        }
        return new CrossValidatedCost(grid[best], grid, meanAuroc);
    }

    private static double heldOutAuroc(LogisticRegressionProbe probe, float[][] features, int[] labels, int[] fold,
            int heldOut, int numClasses) {
        int held = (int) Arrays.stream(fold).filter(f -> f == heldOut).count();
        float[][] trainX = new float[labels.length - held][];
        int[] trainY = new int[labels.length - held];
        float[][] testX = new float[held][];
        int[] testY = new int[held];
        int t = 0;
        int v = 0;
        for (int row = 0; row < labels.length; row++) {
            if (fold[row] == heldOut) {
                testX[v] = features[row];
                testY[v++] = labels[row];
            } else {
                trainX[t] = features[row];
                trainY[t++] = labels[row];
            }
        }
        if (Arrays.stream(trainY).distinct().count() < 2 || Arrays.stream(testY).distinct().count() < 2) {
            return Double.NaN;
        }
        double[][] probabilities = probe.fit(trainX, trainY, numClasses).classifier().predictProba(testX);
        ClassificationReport report = ClassificationMetrics.compute(testY, probabilities, numClasses);
        return report.macroAuroc();
    }
}
