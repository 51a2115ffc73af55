package io.github.dermlip.synth.render;

import java.awt.Color;

/** Arithmetic on packed {@code 0xRRGGBB} colours. */
final class Rgb {

    private Rgb() {
    }

    static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    static int blue(int rgb) {
        return rgb & 0xFF;
    }

    /** Packs three channels, clamping each to 0..255. */
    static int of(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    /** Linear blend: {@code t = 0} gives {@code a}, {@code t = 1} gives {@code b}. */
    static int mix(int a, int b, double t) {
        return of(red(a) + (red(b) - red(a)) * t, green(a) + (green(b) - green(a)) * t,
                blue(a) + (blue(b) - blue(a)) * t);
    }

    /** Multiplies each channel by its own factor. */
    static int scale(int rgb, double fr, double fg, double fb) {
        return of(red(rgb) * fr, green(rgb) * fg, blue(rgb) * fb);
    }

    /** An AWT colour with the given opacity in 0..1. */
    static Color color(int rgb, double alpha) {
        return new Color(red(rgb), green(rgb), blue(rgb), clamp(alpha * 255.0));
    }

    static int clamp(double v) {
        if (v <= 0.0) {
            return 0;
        }
        if (v >= 255.0) {
            return 255;
        }
        return (int) (v + 0.5);
    }
}
