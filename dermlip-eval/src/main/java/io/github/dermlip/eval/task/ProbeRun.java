package io.github.dermlip.eval.task;

/**
 * One fitted probe: one budget and one seed.
 *
 * @param seed the seed of the training subsample
 * @param trainSize number of training images used
 * @param c the inverse regularization strength
 * @param iterations L-BFGS iterations run
 * @param converged whether the solver reached its gradient tolerance
 */
public record ProbeRun(long seed, int trainSize, double c, int iterations, boolean converged) {}
