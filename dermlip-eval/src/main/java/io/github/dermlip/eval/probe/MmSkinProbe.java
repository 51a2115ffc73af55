package io.github.dermlip.eval.probe;

/**
 * MM-Skin's supervised ("SFT") classification probe: image features standardized with the training rows' mean and
 * standard deviation ({@link FeatureStandardizer}), then L2 logistic regression ({@link LogisticRegressionProbe}) with
 * C chosen by 5-fold stratified cross-validation on macro AUROC over {@code 10^linspace(-5, 1, 10)}
 * ({@link CrossValidatedCostSearch#mmskin()}), refitted on all training rows with that C. The statistics are those
 * of the whole training split, so the cross-validation folds see features standardized once, not per fold.
 *
 * <p>DermLIP's probe instead uses the raw (L2-normalized) embeddings and a fixed {@code C = dim * K / 100}, with no
 * search; the two differ both in the feature scale the penalty acts on and in how C is set.
 *
 * @param search the cross-validated C search
 */
public record MmSkinProbe(CrossValidatedCostSearch search) {

    /** MM-Skin's settings. */
    public static MmSkinProbe standard() {
        return new MmSkinProbe(CrossValidatedCostSearch.mmskin());
    }

    /** Standardizes, searches C and fits on all training rows. */
    public Fit fit(float[][] features, int[] labels, int numClasses) {
        FeatureStandardizer standardizer = FeatureStandardizer.fit(features);
        float[][] standardized = standardizer.apply(features);
        CrossValidatedCost cost = search.select(standardized, labels, numClasses);
        ProbeFit fit = new LogisticRegressionProbe(cost.bestC(), search.maxIterations(), search.tolerance())
                .fit(standardized, labels, numClasses);
        return new Fit(standardizer, cost, fit);
    }

    /**
     * A fitted MM-Skin probe.
     *
     * @param standardizer the training rows' standardization
     * @param cost the cross-validation that chose C
     * @param probe the final fit on all training rows
     */
    public record Fit(FeatureStandardizer standardizer, CrossValidatedCost cost, ProbeFit probe) {
        /** {@code [N][K]} class probabilities of raw {@code [N][dim]} features. */
        public double[][] predictProba(float[][] features) {
            return probe.classifier().predictProba(standardizer.apply(features));
        }
    }
}
