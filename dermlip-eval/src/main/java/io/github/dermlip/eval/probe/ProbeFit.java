package io.github.dermlip.eval.probe;

/**
 * The outcome of fitting a {@link LogisticRegressionProbe}.
 *
 * @param classifier the fitted classifier
 * @param c the inverse regularization strength used
 * @param iterations L-BFGS iterations run
 * @param objective final value of the objective divided by {@code C n} (mean loss plus
 *     {@code ||W||^2 / (2 C n)})
 * @param largestGradient largest absolute gradient entry of that objective at the solution
 * @param converged whether {@code largestGradient} reached the tolerance
 * @param solverStatus liblbfgs's status code name: {@code LBFGS_STOP} when the gradient tolerance was reached
 *     or progress stagnated (see {@code converged}), {@code LBFGSERR_MAXIMUMITERATION}, a line-search status
 *     such as {@code LBFGSERR_ROUNDING_ERROR} near the optimum, or {@code LBFGS_ALREADY_MINIMIZED}
 */
public record ProbeFit(LinearClassifier classifier, double c, int iterations, double objective,
        double largestGradient, boolean converged, String solverStatus) {}
