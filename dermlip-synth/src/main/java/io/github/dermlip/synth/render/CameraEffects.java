package io.github.dermlip.synth.render;

import io.github.dermlip.synth.lesion.Modality;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.random.RandomGenerator;

/**
 * Per-pixel effects of the imaging device, applied after drawing: a colour cast, an uneven light gradient (clinical)
 * or the dermoscope's circular field of view with a dark vignette (dermoscopic), and sensor noise.
 */
final class CameraEffects {

    private static final int OUTSIDE_FIELD = 0x0A0A0C;
    private static final double INV_2_21 = 1.0 / (1 << 21);
    private static final double SQRT_6 = Math.sqrt(6.0);

    private CameraEffects() {
    }

    static void apply(BufferedImage image, Modality modality, RandomGenerator rng) {
        int size = image.getWidth();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        defocus(pixels, size, size / 64.0 * rng.nextDouble(0.45, 0.75));
        double castR = 1.0 + 0.03 * rng.nextGaussian();
        double castG = 1.0 + 0.03 * rng.nextGaussian();
        double castB = 1.0 + 0.03 * rng.nextGaussian();
        boolean dermoscopic = modality == Modality.DERMOSCOPIC;
        double fieldX = size * (0.5 + 0.03 * rng.nextGaussian());
        double fieldY = size * (0.5 + 0.03 * rng.nextGaussian());
        double fieldR = size * rng.nextDouble(0.47, 0.56);
        double vignette = rng.nextDouble(0.25, 0.45);
        double lightAngle = rng.nextDouble(2 * Math.PI);
        double lightStrength = dermoscopic ? 0.0 : rng.nextDouble(0.06, 0.2);
        double lx = StrictMath.cos(lightAngle) / size;
        double ly = StrictMath.sin(lightAngle) / size;
        double noise = rng.nextDouble(1.5, 4.0);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                int rgb = pixels[i];
                double gain = 1.0 + lightStrength * ((x - size / 2.0) * lx + (y - size / 2.0) * ly) * 2.0;
                double inside = 1.0;
                if (dermoscopic) {
                    double dx = x + 0.5 - fieldX;
                    double dy = y + 0.5 - fieldY;
                    double d = StrictMath.sqrt(dx * dx + dy * dy);
                    double rel = d / fieldR;
                    gain *= 1.0 - vignette * rel * rel * rel * rel;
                    inside = Math.max(0.0, Math.min(1.0, fieldR - d + 0.5));
                }
                double r = Rgb.red(rgb) * castR * gain;
                double gr = Rgb.green(rgb) * castG * gain;
                double b = Rgb.blue(rgb) * castB * gain;
                if (inside < 1.0) {
                    r = r * inside + Rgb.red(OUTSIDE_FIELD) * (1.0 - inside);
                    gr = gr * inside + Rgb.green(OUTSIDE_FIELD) * (1.0 - inside);
                    b = b * inside + Rgb.blue(OUTSIDE_FIELD) * (1.0 - inside);
                }
                double n = noise * (0.4 + 0.6 * inside);
                long bitsA = rng.nextLong();
                long bitsB = rng.nextLong();
                pixels[i] = Rgb.of(r + n * triangular(bitsA, bitsB, 0), gr + n * triangular(bitsA, bitsB, 1),
                        b + n * triangular(bitsA, bitsB, 2));
            }
        }
    }

    /** Separable Gaussian blur with standard deviation {@code sigma} pixels (slight lens defocus). */
    private static void defocus(int[] pixels, int size, double sigma) {
        int radius = Math.max(1, (int) Math.ceil(2.5 * sigma));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0.0;
        for (int k = -radius; k <= radius; k++) {
            sum += StrictMath.exp(-0.5 * k * k / (sigma * sigma));
        }
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) (StrictMath.exp(-0.5 * k * k / (sigma * sigma)) / sum);
        }
        // clamped[p + radius] is the in-image coordinate nearest to p, for p in [-radius, size + radius).
        int[] clamped = new int[size + 2 * radius];
        for (int p = 0; p < clamped.length; p++) {
            clamped[p] = Math.min(size - 1, Math.max(0, p - radius));
        }
        int n = size * size;
        float[] r = new float[n];
        float[] g = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            r[i] = Rgb.red(pixels[i]);
            g[i] = Rgb.green(pixels[i]);
            b[i] = Rgb.blue(pixels[i]);
        }
        float[] hr = new float[n];
        float[] hg = new float[n];
        float[] hb = new float[n];
        for (int y = 0; y < size; y++) {
            int row = y * size;
            for (int x = 0; x < size; x++) {
                float ar = 0f;
                float ag = 0f;
                float ab = 0f;
                for (int k = 0; k < kernel.length; k++) {
                    int q = row + clamped[x + k];
                    ar += kernel[k] * r[q];
                    ag += kernel[k] * g[q];
                    ab += kernel[k] * b[q];
                }
                hr[row + x] = ar;
                hg[row + x] = ag;
                hb[row + x] = ab;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float ar = 0f;
                float ag = 0f;
                float ab = 0f;
                for (int k = 0; k < kernel.length; k++) {
                    int q = clamped[y + k] * size + x;
                    ar += kernel[k] * hr[q];
                    ag += kernel[k] * hg[q];
                    ab += kernel[k] * hb[q];
                }
                pixels[y * size + x] = Rgb.of(ar, ag, ab);
            }
        }
    }

    /**
     * Zero-mean, unit-variance sensor noise for one channel: the sum of two uniforms (triangular noise), taken from
     * 21-bit fields of two random longs, which is much cheaper than a Gaussian draw and looks the same.
     */
    private static double triangular(long bitsA, long bitsB, int channel) {
        int shift = 21 * channel;
        double u1 = ((bitsA >>> shift) & 0x1FFFFF) * INV_2_21;
        double u2 = ((bitsB >>> shift) & 0x1FFFFF) * INV_2_21;
        return (u1 + u2 - 1.0) * SQRT_6;
    }
}
