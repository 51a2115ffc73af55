package io.github.dermlip.core.image;

/**
 * open_clip's training augmentation ({@code --aug-cfg}) without timm: {@code RandomResizedCrop} with these
 * scale and ratio bounds, then, each with its own probability, {@code ColorJitter} and {@code Grayscale}.
 *
 * <p>open_clip passes only {@code scale} to {@code RandomResizedCrop}, so its ratio is always torchvision's
 * default (3/4, 4/3); here it can be changed. As in open_clip, the jitter strengths do nothing unless
 * {@code colorJitterProb} is positive.
 *
 * @param scaleMin smallest crop area as a fraction of the image area, in (0, scaleMax]
 * @param scaleMax largest crop area fraction, at least {@code scaleMin}
 * @param ratioMin smallest crop aspect ratio (width / height), in (0, ratioMax]
 * @param ratioMax largest crop aspect ratio, at least {@code ratioMin}
 * @param colorJitter jitter strengths
 * @param colorJitterProb probability of applying the jitter, in [0, 1]
 * @param grayscaleProb probability of converting to grey (3 equal channels), in [0, 1]
 */
public record AugmentationConfig(double scaleMin, double scaleMax, double ratioMin, double ratioMax,
        ColorJitterConfig colorJitter, double colorJitterProb, double grayscaleProb) {

    /** open_clip's defaults: scale (0.9, 1.0), ratio (3/4, 4/3), no jitter, no greyscale. */
    public static final AugmentationConfig DEFAULT =
            new AugmentationConfig(0.9, 1.0, 3.0 / 4.0, 4.0 / 3.0, ColorJitterConfig.NONE, 0, 0);

    /** Checks the ranges. */
    public AugmentationConfig {
        if (!(scaleMin > 0 && scaleMin <= scaleMax && Double.isFinite(scaleMax))) {
            throw new IllegalArgumentException("augmentation scale must satisfy 0 < min <= max, found ("
                    + scaleMin + ", " + scaleMax + ")");
        }
        if (!(ratioMin > 0 && ratioMin <= ratioMax && Double.isFinite(ratioMax))) {
            throw new IllegalArgumentException("augmentation ratio must satisfy 0 < min <= max, found ("
                    + ratioMin + ", " + ratioMax + ")");
        }
        if (colorJitter == null) {
            throw new IllegalArgumentException("augmentation colorJitter must not be null (use ColorJitterConfig.NONE)");
        }
        requireProbability("colorJitterProb", colorJitterProb);
        requireProbability("grayscaleProb", grayscaleProb);
    }

    private static void requireProbability(String field, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("augmentation " + field + " must be in [0, 1], found " + p);
        }
    }

    /** This configuration with another crop scale range. */
    public AugmentationConfig withScale(double min, double max) {
        return new AugmentationConfig(min, max, ratioMin, ratioMax, colorJitter, colorJitterProb, grayscaleProb);
    }

    /** This configuration with another crop aspect-ratio range. */
    public AugmentationConfig withRatio(double min, double max) {
        return new AugmentationConfig(scaleMin, scaleMax, min, max, colorJitter, colorJitterProb, grayscaleProb);
    }

    /** This configuration with colour jitter applied with probability {@code probability}. */
    public AugmentationConfig withColorJitter(ColorJitterConfig jitter, double probability) {
        return new AugmentationConfig(scaleMin, scaleMax, ratioMin, ratioMax, jitter, probability, grayscaleProb);
    }

    /** This configuration with greyscale conversion applied with probability {@code probability}. */
    public AugmentationConfig withGrayscale(double probability) {
        return new AugmentationConfig(scaleMin, scaleMax, ratioMin, ratioMax, colorJitter, colorJitterProb, probability);
    }
}
