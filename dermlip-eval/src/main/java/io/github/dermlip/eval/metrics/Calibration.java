package io.github.dermlip.eval.metrics;

/**
 * Calibration of predicted class probabilities: equal-width binning of the top-class probability, as in Guo et
 * al. (2017), "On Calibration of Modern Neural Networks". The predicted class is the first class of largest
 * probability.
 */
public final class Calibration {
    /** The customary number of bins for the expected calibration error. */
    public static final int DEFAULT_BINS = 15;

    private Calibration() {}

    /**
     * Bins the rows {@code rows} (duplicates allowed) of a prediction.
     *
     * @param trueLabels true class of every row
     * @param probabilities class probabilities of every row
     * @param rows the rows to evaluate
     * @param bins number of equal-width bins over [0, 1]
     */
    public static ReliabilityBins reliability(int[] trueLabels, double[][] probabilities, int[] rows, int bins) {
        int[] predicted = new int[probabilities.length];
        double[] confidence = new double[probabilities.length];
        for (int row : rows) {
            predicted[row] = argmax(probabilities[row]);
            confidence[row] = probabilities[row][predicted[row]];
        }
        return reliability(trueLabels, predicted, confidence, rows, bins);
    }

    /** Bins rows from precomputed predicted classes and their probabilities. */
    static ReliabilityBins reliability(int[] trueLabels, int[] predicted, double[] confidence, int[] rows,
            int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        int[] counts = new int[bins];
        double[] confidenceSum = new double[bins];
        int[] correct = new int[bins];
        for (int row : rows) {
            int bin = binOf(confidence[row], bins);
            counts[bin]++;
            confidenceSum[bin] += confidence[row];
            if (predicted[row] == trueLabels[row]) {
                correct[bin]++;
            }
        }
        double[] meanConfidence = new double[bins];
        double[] accuracy = new double[bins];
        double ece = 0;
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) {
                meanConfidence[b] = Double.NaN;
                accuracy[b] = Double.NaN;
                continue;
            }
            meanConfidence[b] = confidenceSum[b] / counts[b];
            accuracy[b] = (double) correct[b] / counts[b];
            ece += (double) counts[b] / rows.length * Math.abs(accuracy[b] - meanConfidence[b]);
        }
        return new ReliabilityBins(counts, meanConfidence, accuracy, rows.length == 0 ? Double.NaN : ece);
    }

    /** The bin {@code i} with {@code i/B < confidence <= (i+1)/B}; confidence 0 falls in the first bin. */
    static int binOf(double confidence, int bins) {
        int bin = (int) Math.ceil(confidence * bins) - 1;
        while (bin > 0 && confidence <= (double) bin / bins) {
            bin--;
        }
        while (bin < bins - 1 && confidence > (double) (bin + 1) / bins) {
            bin++;
        }
        return Math.max(0, Math.min(bins - 1, bin));
    }

    /** The first index of the largest value. */
    static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }
}
