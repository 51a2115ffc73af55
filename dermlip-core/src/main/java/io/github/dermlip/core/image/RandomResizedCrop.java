package io.github.dermlip.core.image;

import java.util.random.RandomGenerator;

/**
 * torchvision's {@code RandomResizedCrop.get_params}: up to ten tries of an area fraction uniform in the
 * scale range and a log-uniform aspect ratio, sides rounded half to even, kept when they fit, placed
 * uniformly; else a centred crop of the whole image with its aspect ratio clamped to the ratio range.
 */
final class RandomResizedCrop {
    private static final int ATTEMPTS = 10;

    private RandomResizedCrop() {}

    /** A crop rectangle in pixels. */
    record Crop(int left, int top, int width, int height) {}

    /** Draws a crop of a {@code width} x {@code height} image using only {@code rng}. */
    static Crop sample(int width, int height, AugmentationConfig aug, RandomGenerator rng) {
        double area = (double) width * height;
        double logRatioMin = Math.log(aug.ratioMin());
        double logRatioMax = Math.log(aug.ratioMax());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double targetArea = area * uniform(rng, aug.scaleMin(), aug.scaleMax());
            double aspect = Math.exp(uniform(rng, logRatioMin, logRatioMax));
            int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
            int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
            if (0 < w && w <= width && 0 < h && h <= height) {
                int top = rng.nextInt(height - h + 1);
                int left = rng.nextInt(width - w + 1);
                return new Crop(left, top, w, h);
            }
        }
        double inRatio = (double) width / height;
        int w = width;
        int h = height;
        if (inRatio < aug.ratioMin()) {
            h = Math.max(1, (int) Math.rint(w / aug.ratioMin()));
        } else if (inRatio > aug.ratioMax()) {
            w = Math.max(1, (int) Math.rint(h * aug.ratioMax()));
        }
        return new Crop((width - w) / 2, (height - h) / 2, w, h);
    }

    private static double uniform(RandomGenerator rng, double min, double max) {
        return min + (max - min) * rng.nextDouble();
    }
}
