package io.github.dermlip.eval.probe;

/**
 * Per-feature standardization fitted on training rows, as scikit-learn's {@code StandardScaler}: subtract the mean,
 * divide by the population standard deviation ({@code ddof = 0}); a feature that is constant on the training rows
 * keeps scale 1, so it maps to 0 instead of dividing by zero.
 *
 * @param mean per-feature training mean
 * @param scale per-feature training standard deviation (1 where it is 0)
 */
public record FeatureStandardizer(double[] mean, double[] scale) {

    /** Checks the widths and copies the arrays. */
    public FeatureStandardizer {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean (" + mean.length + ") and scale (" + scale.length
                    + ") differ in width");
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /** The standardizer of {@code [n][dim]} training features, {@code n >= 1}. */
    public static FeatureStandardizer fit(float[][] features) {
        if (features.length == 0) {
            throw new IllegalArgumentException("cannot standardize with no training rows");
        }
        int dim = features[0].length;
        double[] mean = new double[dim];
        for (float[] row : features) {
            if (row.length != dim) {
                throw new IllegalArgumentException("feature rows differ in width: " + row.length + " and " + dim);
            }
            for (int d = 0; d < dim; d++) {
                mean[d] += row[d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= features.length;
        }
        double[] scale = new double[dim];
        for (float[] row : features) {
            for (int d = 0; d < dim; d++) {
                double centered = row[d] - mean[d];
                scale[d] += centered * centered;
            }
        }
        for (int d = 0; d < dim; d++) {
            double std = Math.sqrt(scale[d] / features.length);
            scale[d] = std == 0 ? 1 : std;
        }
        return new FeatureStandardizer(mean, scale);
    }

    /** The per-feature mean (a copy). */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** The per-feature scale (a copy). */
    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** {@code (x - mean) / scale} of every row, as new rows. */
    public float[][] apply(float[][] features) {
        float[][] out = new float[features.length][];
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != mean.length) {
                throw new IllegalArgumentException("feature row " + i + " has " + features[i].length
                        + " values, the standardizer " + mean.length);
            }
            out[i] = new float[mean.length];
            for (int d = 0; d < mean.length; d++) {
                out[i][d] = (float) ((features[i][d] - mean[d]) / scale[d]);
            }
        }
        return out;
    }
}
