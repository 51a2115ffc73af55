package io.github.dermlip.eval.probe;

import java.util.Arrays;

/**
 * A fitted linear softmax classifier over K classes: {@code p = softmax(W x + b)} over the classes it was trained
 * on; classes absent from the training labels get probability 0.
 *
 * @param numClasses K, the width of the probability rows
 * @param classes the class of each weight row, ascending
 * @param weights {@code [classes.length][featureDim]}
 * @param intercepts {@code [classes.length]}
 */
public record LinearClassifier(int numClasses, int[] classes, double[][] weights, double[] intercepts) {

    /** Checks shapes and deep-copies the arrays. */
    public LinearClassifier {
        if (classes.length != weights.length || classes.length != intercepts.length) {
            throw new IllegalArgumentException("classes (" + classes.length + "), weight rows (" + weights.length
                    + ") and intercepts (" + intercepts.length + ") must agree");
        }
        for (int c : classes) {
            if (c < 0 || c >= numClasses) {
                throw new IllegalArgumentException("class " + c + " outside [0, " + numClasses + ")");
            }
        }
        classes = classes.clone();
        weights = Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
        intercepts = intercepts.clone();
    }

    /** The class of each weight row (a copy). */
    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** The weight rows (a copy). */
    @Override
    public double[][] weights() {
        return Arrays.stream(weights).map(double[]::clone).toArray(double[][]::new);
    }

    /** The intercepts (a copy). */
    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** Feature dimension. */
    public int featureDim() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** {@code [N][K]} class probabilities of {@code [N][featureDim]} features. */
    public double[][] predictProba(float[][] features) {
        double[][] probabilities = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != featureDim()) {
                throw new IllegalArgumentException("feature row " + i + " has " + features[i].length
                        + " values, expected " + featureDim());
            }
            probabilities[i] = probabilitiesOf(features[i], 0);
        }
        return probabilities;
    }

    /** {@code [n][K]} class probabilities of row-major flat {@code n x featureDim} features. */
    public double[][] predictProba(float[] features, int n) {
        if (features.length != (long) n * featureDim()) {
            throw new IllegalArgumentException("flat features must hold n*featureDim = " + (long) n * featureDim()
                    + " values, got " + features.length);
        }
        double[][] probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
            probabilities[i] = probabilitiesOf(features, i * featureDim());
        }
        return probabilities;
    }

    /** The most probable class of each row (first of equal maxima). */
    public int[] predict(float[][] features) {
        double[][] probabilities = predictProba(features);
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            int best = 0;
            for (int k = 1; k < numClasses; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    private double[] probabilitiesOf(float[] features, int offset) {
        int dim = featureDim();
        double[] logits = new double[classes.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < classes.length; r++) {
            double z = intercepts[r];
            double[] w = weights[r];
            for (int d = 0; d < dim; d++) {
                z += w[d] * features[offset + d];
            }
            logits[r] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int r = 0; r < classes.length; r++) {
            logits[r] = Math.exp(logits[r] - max);
            sum += logits[r];
        }
        double[] probabilities = new double[numClasses];
        for (int r = 0; r < classes.length; r++) {
            probabilities[classes[r]] = logits[r] / sum;
        }
        return probabilities;
    }
}
