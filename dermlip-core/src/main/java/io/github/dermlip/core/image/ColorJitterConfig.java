package io.github.dermlip.core.image;

/**
 * torchvision's {@code ColorJitter(brightness, contrast, saturation, hue)} strengths. Brightness, contrast
 * and saturation factors are drawn from {@code [max(0, 1 - v), 1 + v]}, the hue shift from
 * {@code [-hue, hue]}; a strength of 0 disables that adjustment.
 *
 * @param brightness brightness strength, at least 0
 * @param contrast contrast strength, at least 0
 * @param saturation saturation strength, at least 0
 * @param hue hue strength, in [0, 0.5]
 */
public record ColorJitterConfig(double brightness, double contrast, double saturation, double hue) {
    /** No jitter at all. */
    public static final ColorJitterConfig NONE = new ColorJitterConfig(0, 0, 0, 0);

    /** Checks the ranges. */
    public ColorJitterConfig {
        requireNonNegative("brightness", brightness);
        requireNonNegative("contrast", contrast);
        requireNonNegative("saturation", saturation);
        if (!(hue >= 0 && hue <= 0.5)) {
            throw new IllegalArgumentException("color jitter hue must be in [0, 0.5], found " + hue);
        }
    }

    private static void requireNonNegative(String field, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("color jitter " + field + " must be a finite value >= 0, found " + value);
        }
    }

    /** Whether no adjustment is enabled. */
    public boolean isNone() {
        return brightness == 0 && contrast == 0 && saturation == 0 && hue == 0;
    }
}
