package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * torchvision's {@code ToTensor} then {@code Normalize} on an 8-bit RGB image, in float32 exactly as torch
 * computes it: {@code (v / 255 - mean) / std} per channel, laid out CHW.
 */
final class ChwNormalizer {
    private final float[] mean;
    private final float[] std;

    ChwNormalizer(List<Double> mean, List<Double> std) {
        if (mean.size() != 3 || std.size() != 3) {
            throw new IllegalArgumentException("mean and std need 3 values each, found " + mean + " and " + std);
        }
        this.mean = new float[3];
        this.std = new float[3];
        for (int c = 0; c < 3; c++) {
            this.mean[c] = mean.get(c).floatValue();
            this.std[c] = std.get(c).floatValue();
            if (!(this.std[c] > 0)) {
                throw new IllegalArgumentException("std values must be positive, found " + std);
            }
        }
    }

    /** The normalized CHW array, {@code 3 * width * height} long, of a {@code TYPE_INT_RGB} image. */
    float[] toChw(BufferedImage rgb) {
        int[] px = PilImages.ints(rgb);
        int plane = px.length;
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            float m = mean[c];
            float s = std[c];
            int base = c * plane;
            for (int i = 0; i < plane; i++) {
                out[base + i] = ((px[i] >> shift & 0xFF) / 255f - m) / s;
            }
        }
        return out;
    }
}
