package io.github.dermlip.eval.probe;

/**
 * The result of a {@link CostSearch}.
 *
 * @param bestC the chosen inverse regularization strength
 * @param grid the C values tried, ascending
 * @param validationAccuracy validation accuracy of each C in {@code grid}
 */
public record CostSelection(double bestC, double[] grid, double[] validationAccuracy) {

    /** Copies the arrays. */
    public CostSelection {
        grid = grid.clone();
        validationAccuracy = validationAccuracy.clone();
    }

    /** The C values tried (a copy). */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** Validation accuracy per C (a copy). */
    @Override
    public double[] validationAccuracy() {
        return validationAccuracy.clone();
    }
}
