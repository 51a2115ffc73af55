package io.github.dermlip.eval.metrics;

/**
 * One class's row of a classification report (scikit-learn's {@code classification_report} with
 * {@code zero_division=0}: a ratio with a zero denominator is 0).
 *
 * @param classIndex the class
 * @param precision true positives over predicted positives
 * @param recall true positives over support
 * @param f1 harmonic mean of precision and recall (0 when both are 0)
 * @param support number of rows whose true class it is
 */
public record PerClassMetrics(int classIndex, double precision, double recall, double f1, int support) {}
