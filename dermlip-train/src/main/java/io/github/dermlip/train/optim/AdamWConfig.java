package io.github.dermlip.train.optim;

/**
 * Hyper-parameters of {@link AdamW} other than the learning rate, which comes from the schedule.
 *
 * @param weightDecay decoupled weight decay {@code wd} ({@code p <- p - lr * wd * p})
 * @param beta1 decay of the first moment
 * @param beta2 decay of the second moment
 * @param eps added to the denominator
 */
public record AdamWConfig(double weightDecay, double beta1, double beta2, double eps) {
    /** open_clip's default weight decay. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.2;
    /** open_clip's default first-moment decay for ViTs. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** open_clip's default second-moment decay for ViTs. */
    public static final double DEFAULT_BETA2 = 0.98;
    /** open_clip's default epsilon for ViTs. */
    public static final double DEFAULT_EPS = 1e-6;

    /** Checks the ranges. */
    public AdamWConfig {
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("--wd must be a finite number >= 0, found " + weightDecay);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("--beta1 must be in [0, 1), found " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("--beta2 must be in [0, 1), found " + beta2);
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("--eps must be a finite number > 0, found " + eps);
        }
    }

    /** open_clip's defaults for ViTs: wd 0.2, betas (0.9, 0.98), eps 1e-6. */
    public static AdamWConfig openClipDefaults() {
        return new AdamWConfig(DEFAULT_WEIGHT_DECAY, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS);
    }
}
