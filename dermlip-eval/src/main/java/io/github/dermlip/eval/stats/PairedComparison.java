package io.github.dermlip.eval.stats;

/**
 * Two models compared on the same images with a paired bootstrap.
 *
 * @param modelA metric of model A with its interval
 * @param modelB metric of model B with its interval
 * @param difference {@code A - B} with its interval
 * @param pValue two-sided bootstrap p-value for "no difference" (see {@link PairedBootstrap})
 * @param resamples number of resamples the difference was finite on
 */
public record PairedComparison(Estimate modelA, Estimate modelB, Estimate difference, double pValue, int resamples) {}
