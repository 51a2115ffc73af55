package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * torchvision's {@code ColorJitter.forward} on a PIL image: a random order of the four adjustments, then a
 * factor for each enabled one (brightness, contrast and saturation uniform in {@code [max(0, 1 - v), 1 + v]},
 * hue uniform in {@code [-hue, hue]}), applied in that order with {@link PillowColorOps}.
 */
final class ColorJitter {
    private static final int BRIGHTNESS = 0;
    private static final int CONTRAST = 1;
    private static final int SATURATION = 2;
    private static final int HUE = 3;

    private ColorJitter() {}

    /** Jitters an RGB image using only {@code rng}; the input is left unchanged. */
    static BufferedImage apply(BufferedImage rgb, ColorJitterConfig config, RandomGenerator rng) {
        int[] order = {BRIGHTNESS, CONTRAST, SATURATION, HUE};
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        double brightness = config.brightness() > 0 ? factor(rng, config.brightness()) : Double.NaN;
        double contrast = config.contrast() > 0 ? factor(rng, config.contrast()) : Double.NaN;
        double saturation = config.saturation() > 0 ? factor(rng, config.saturation()) : Double.NaN;
        double hue = config.hue() > 0 ? -config.hue() + 2 * config.hue() * rng.nextDouble() : Double.NaN;
        BufferedImage img = rgb;
        for (int op : order) {
            if (op == BRIGHTNESS && !Double.isNaN(brightness)) {
                img = PillowColorOps.brightness(img, brightness);
            } else if (op == CONTRAST && !Double.isNaN(contrast)) {
                img = PillowColorOps.contrast(img, contrast);
            } else if (op == SATURATION && !Double.isNaN(saturation)) {
                img = PillowColorOps.saturation(img, saturation);
            } else if (op == HUE && !Double.isNaN(hue)) {
                img = PillowColorOps.hue(img, hue);
            }
        }
        return img;
    }

    private static double factor(RandomGenerator rng, double strength) {
        double min = Math.max(0, 1 - strength);
        double max = 1 + strength;
        return min + (max - min) * rng.nextDouble();
    }
}
