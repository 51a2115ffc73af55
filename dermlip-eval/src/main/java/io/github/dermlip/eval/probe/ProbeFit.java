package io.github.dermlip.eval.probe;

/**
 * The outcome of fitting a {@link LogisticRegressionProbe}.
 *
 * @param classifier the fitted classifier
 * @param c the inverse regularization strength used
 * @param iterations L-BFGS iterations run
 * @param objective final value of the objective divided by {@code C n} (mean loss plus
 *     {@code ||W||^2 / (2 C n)})
 * @param relativeGradientNorm {@code ||grad|| / max(1, ||params||)} of that objective at the solution
 * @param converged whether {@code relativeGradientNorm} reached the tolerance
 * @param solverStatus liblbfgs's status code name (e.g. {@code LBFGS_SUCCESS}, {@code LBFGSERR_MAXIMUMITERATION})
 */
public record ProbeFit(LinearClassifier classifier, double c, int iterations, double objective,
        double relativeGradientNorm, boolean converged, String solverStatus) {}
