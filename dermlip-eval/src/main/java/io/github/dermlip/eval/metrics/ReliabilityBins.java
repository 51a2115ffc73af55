package io.github.dermlip.eval.metrics;

/**
 * Equal-width confidence bins of a classifier: per bin the number of samples, their mean top-class confidence
 * and their accuracy, from which the reliability diagram is drawn and the expected calibration error computed.
 * Bin {@code i} of {@code B} holds confidences in {@code (i/B, (i+1)/B]}; empty bins have NaN mean confidence
 * and accuracy.
 *
 * @param counts samples per bin
 * @param meanConfidence mean top-class probability per bin
 * @param accuracy fraction of correct top-class predictions per bin
 * @param ece expected calibration error {@code sum_b (n_b / N) |accuracy_b - confidence_b|}
 */
public record ReliabilityBins(int[] counts, double[] meanConfidence, double[] accuracy, double ece) {

    /** Copies the arrays. */
    public ReliabilityBins {
        counts = counts.clone();
        meanConfidence = meanConfidence.clone();
        accuracy = accuracy.clone();
    }

    /** Samples per bin (a copy). */
    @Override
    public int[] counts() {
        return counts.clone();
    }

    /** Mean top-class probability per bin (a copy). */
    @Override
    public double[] meanConfidence() {
        return meanConfidence.clone();
    }

    /** Accuracy per bin (a copy). */
    @Override
    public double[] accuracy() {
        return accuracy.clone();
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }
}
