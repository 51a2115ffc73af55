package io.github.dermlip.eval.probe;

/**
 * The result of a {@link CrossValidatedCostSearch}.
 *
 * @param bestC the chosen inverse regularization strength
 * @param grid the C values tried, ascending
 * @param meanMacroAuroc mean held-out macro AUROC over the folds of each C in {@code grid}
 */
public record CrossValidatedCost(double bestC, double[] grid, double[] meanMacroAuroc) {

    /** Copies the arrays. */
    public CrossValidatedCost {
        grid = grid.clone();
        meanMacroAuroc = meanMacroAuroc.clone();
    }

    /** The C values tried (a copy). */
    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** Mean held-out macro AUROC per C (a copy). */
    @Override
    public double[] meanMacroAuroc() {
        return meanMacroAuroc.clone();
    }
}
