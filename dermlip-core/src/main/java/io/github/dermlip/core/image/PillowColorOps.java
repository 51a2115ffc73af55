package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;

/**
 * The colour adjustments torchvision applies to PIL images, with Pillow's arithmetic: {@code ImageEnhance}
 * brightness, contrast and colour (saturation) are {@code Image.blend} of the image with a degenerate image
 * in single precision, truncated; hue goes through Pillow's 8-bit HSV; grey is ITU-R 601-2 luma
 * ({@code convert('L')}). All take and return {@code TYPE_INT_RGB} images and leave the input unchanged.
 */
final class PillowColorOps {
    private PillowColorOps() {}

    /** {@code ImageEnhance.Brightness(img).enhance(factor)}: blend with black. */
    static BufferedImage brightness(BufferedImage rgb, double factor) {
        return mapChannels(rgb, blendTable(0, (float) factor));
    }

    /** {@code ImageEnhance.Contrast(img).enhance(factor)}: blend with the rounded mean luma. */
    static BufferedImage contrast(BufferedImage rgb, double factor) {
        int[] px = PilImages.ints(rgb);
        long sum = 0;
        for (int p : px) {
            sum += luma(p);
        }
        int mean = (int) ((double) sum / px.length + 0.5);
        return mapChannels(rgb, blendTable(mean, (float) factor));
    }

    /** {@code ImageEnhance.Color(img).enhance(factor)}: blend each pixel with its own luma. */
    static BufferedImage saturation(BufferedImage rgb, double factor) {
        float alpha = (float) factor;
        int[] src = PilImages.ints(rgb);
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] dst = PilImages.ints(out);
        for (int i = 0; i < src.length; i++) {
            int p = src[i];
            int l = luma(p);
            dst[i] = blend(l, p >> 16 & 0xFF, alpha) << 16 | blend(l, p >> 8 & 0xFF, alpha) << 8 | blend(l, p & 0xFF, alpha);
        }
        return out;
    }

    /**
     * torchvision's {@code adjust_hue} on a PIL image: convert to Pillow's HSV, add {@code int(factor * 255)}
     * to the 8-bit hue with wrap-around, convert back.
     */
    static BufferedImage hue(BufferedImage rgb, double factor) {
        if (!(factor >= -0.5 && factor <= 0.5)) {
            throw new IllegalArgumentException("hue factor must be in [-0.5, 0.5], found " + factor);
        }
        int shift = (int) (factor * 255);
        int[] src = PilImages.ints(rgb);
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] dst = PilImages.ints(out);
        for (int i = 0; i < src.length; i++) {
            int hsv = rgbToHsv(src[i]);
            int h = ((hsv >> 16) + shift) & 0xFF;
            dst[i] = hsvToRgb(h, hsv >> 8 & 0xFF, hsv & 0xFF);
        }
        return out;
    }

    /** {@code Grayscale(num_output_channels=3)}: luma copied to the three channels. */
    static BufferedImage grayscale(BufferedImage rgb) {
        int[] src = PilImages.ints(rgb);
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] dst = PilImages.ints(out);
        for (int i = 0; i < src.length; i++) {
            int l = luma(src[i]);
            dst[i] = l << 16 | l << 8 | l;
        }
        return out;
    }

    /** Pillow's {@code convert('L')} of one packed RGB pixel: (19595 R + 38470 G + 7471 B + 0x8000) >> 16. */
    static int luma(int rgb) {
        return ((rgb >> 16 & 0xFF) * 19595 + (rgb >> 8 & 0xFF) * 38470 + (rgb & 0xFF) * 7471 + 0x8000) >> 16;
    }

    /** Pillow's {@code ImagingBlend} of two 8-bit values: {@code in1 + alpha * (in2 - in1)} in float, truncated, clipped when extrapolating. */
    static int blend(int in1, int in2, float alpha) {
        float v = in1 + alpha * (in2 - in1);
        if (alpha >= 0 && alpha <= 1.0) {
            return (int) v;
        }
        if (v <= 0.0) {
            return 0;
        }
        return v >= 255.0 ? 255 : (int) v;
    }

    private static int[] blendTable(int degenerate, float alpha) {
        int[] table = new int[256];
        for (int v = 0; v < 256; v++) {
            table[v] = blend(degenerate, v, alpha);
        }
        return table;
    }

    private static BufferedImage mapChannels(BufferedImage rgb, int[] table) {
        int[] src = PilImages.ints(rgb);
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] dst = PilImages.ints(out);
        for (int i = 0; i < src.length; i++) {
            int p = src[i];
            dst[i] = table[p >> 16 & 0xFF] << 16 | table[p >> 8 & 0xFF] << 8 | table[p & 0xFF];
        }
        return out;
    }

    /** Pillow's {@code rgb2hsv} (float and double steps as in its C code); packed as h << 16 | s << 8 | v. */
    static int rgbToHsv(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        int maxc = Math.max(r, Math.max(g, b));
        int minc = Math.min(r, Math.min(g, b));
        if (minc == maxc) {
            return maxc;
        }
        float cr = maxc - minc;
        float s = cr / maxc;
        float rc = (maxc - r) / cr;
        float gc = (maxc - g) / cr;
        float bc = (maxc - b) / cr;
        float h;
        if (r == maxc) {
            h = bc - gc;
        } else if (g == maxc) {
            h = (float) (2.0 + rc - bc);
        } else {
            h = (float) (4.0 + gc - rc);
        }
        h = (float) ((h / 6.0 + 1.0) % 1.0);
        int uh = PilImages.clip8((int) (h * 255.0));
        int us = PilImages.clip8((int) (s * 255.0));
        return uh << 16 | us << 8 | maxc;
    }

    /** Pillow's {@code hsv2rgb} (float and double steps as in its C code), as packed RGB. */
    static int hsvToRgb(int h, int s, int v) {
        if (s == 0) {
            return v << 16 | v << 8 | v;
        }
        int i = (int) Math.floor((float) h * 6.0 / 255.0);
        float f = (float) ((float) h * 6.0 / 255.0 - (float) i);
        float fs = (float) ((float) s / 255.0);
        int p = PilImages.clip8((int) Math.round((float) v * (1.0 - fs)));
        int q = PilImages.clip8((int) Math.round((float) v * (1.0 - fs * f)));
        int t = PilImages.clip8((int) Math.round((float) v * (1.0 - fs * (1.0 - f))));
        return switch (i % 6) {
            case 0 -> v << 16 | t << 8 | p;
            case 1 -> q << 16 | v << 8 | p;
            case 2 -> p << 16 | v << 8 | t;
            case 3 -> p << 16 | q << 8 | v;
            case 4 -> t << 16 | p << 8 | v;
            default -> v << 16 | p << 8 | q;
        };
    }
}
