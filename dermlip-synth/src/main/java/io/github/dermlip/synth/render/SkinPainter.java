package io.github.dermlip.synth.render;

import io.github.dermlip.synth.lesion.Modality;
import io.github.dermlip.synth.lesion.SkinTone;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.random.RandomGenerator;

/**
 * Paints the skin background: the tone's base colour with soft mottling and, for clinical photographs, skin lines,
 * pores and (on lighter skin) freckles that compete with the lesion for attention.
 */
final class SkinPainter {

    private SkinPainter() {
    }

    /** The base colour of one image's skin: the tone's colour with a little individual variation. */
    static int skinColour(SkinTone tone, RandomGenerator rng) {
        double brightness = 1.0 + 0.05 * rng.nextGaussian();
        return Rgb.scale(tone.baseRgb(), brightness * (1.0 + 0.02 * rng.nextGaussian()),
                brightness * (1.0 + 0.02 * rng.nextGaussian()), brightness * (1.0 + 0.02 * rng.nextGaussian()));
    }

    static void paint(Graphics2D g, int skin, SkinTone tone, Modality modality, int size, RandomGenerator rng) {
        double unit = size / 64.0;
        g.setColor(new Color(skin));
        g.fillRect(0, 0, size, size);
        paintMottling(g, skin, size, rng);
        if (modality == Modality.CLINICAL) {
            paintSkinLines(g, skin, size, unit, 0.30, rng.nextInt(10, 18), rng);
            paintPores(g, skin, size, unit, rng);
            if (tone.ordinal() <= SkinTone.III.ordinal() && rng.nextDouble() < 0.35) {
                paintFreckles(g, skin, size, unit, rng);
            }
        } else {
            paintSkinLines(g, skin, size, unit, 0.16, rng.nextInt(4, 9), rng);
        }
    }

    private static void paintMottling(Graphics2D g, int skin, int size, RandomGenerator rng) {
        int patches = rng.nextInt(6, 11);
        for (int i = 0; i < patches; i++) {
            double x = rng.nextDouble(size);
            double y = rng.nextDouble(size);
            float r = (float) (size * rng.nextDouble(0.15, 0.45));
            int tint = rng.nextBoolean() ? Rgb.scale(skin, 1.08, 1.06, 1.05) : Rgb.scale(skin, 0.90, 0.86, 0.86);
            Color centre = Rgb.color(tint, rng.nextDouble(0.25, 0.5));
            Color edge = Rgb.color(tint, 0.0);
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), r, new float[] {0f, 1f},
                    new Color[] {centre, edge}));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
    }

    private static void paintSkinLines(Graphics2D g, int skin, int size, double unit, double alpha, int count,
                                       RandomGenerator rng) {
        double base = rng.nextDouble(Math.PI);
        g.setStroke(new BasicStroke((float) (0.5 * unit)));
        int line = Rgb.scale(skin, 0.80, 0.76, 0.76);
        for (int i = 0; i < count; i++) {
            double angle = base + (i % 2 == 0 ? 0.0 : Math.PI / 2.6) + 0.15 * rng.nextGaussian();
            double cx = rng.nextDouble(size);
            double cy = rng.nextDouble(size);
            double half = size * rng.nextDouble(0.2, 0.6);
            double dx = half * StrictMath.cos(angle);
            double dy = half * StrictMath.sin(angle);
            g.setColor(Rgb.color(line, alpha * rng.nextDouble(0.5, 1.0)));
            g.draw(new Line2D.Double(cx - dx, cy - dy, cx + dx, cy + dy));
        }
    }

    private static void paintPores(Graphics2D g, int skin, int size, double unit, RandomGenerator rng) {
        int count = rng.nextInt(25, 50);
        g.setColor(Rgb.color(Rgb.scale(skin, 0.78, 0.72, 0.72), 0.3));
        g.fill(dots(count, 0.3 * unit, 0.5 * unit, size, rng));
    }

    private static void paintFreckles(Graphics2D g, int skin, int size, double unit, RandomGenerator rng) {
        int count = rng.nextInt(5, 16);
        g.setColor(Rgb.color(Rgb.scale(skin, 0.80, 0.66, 0.56), 0.5));
        g.fill(dots(count, 0.5 * unit, 1.1 * unit, size, rng));
    }

    /** {@code count} discs with random radii in [minRadius, maxRadius) anywhere in the image, as one shape. */
    private static Path2D dots(int count, double minRadius, double maxRadius, int size, RandomGenerator rng) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < count; i++) {
            double r = rng.nextDouble(minRadius, maxRadius);
            path.append(new Ellipse2D.Double(rng.nextDouble(size) - r, rng.nextDouble(size) - r, 2 * r, 2 * r), false);
        }
        return path;
    }
}
