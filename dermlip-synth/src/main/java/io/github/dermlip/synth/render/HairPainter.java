package io.github.dermlip.synth.render;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.util.random.RandomGenerator;

/** Paints dark, gently curved hairs across the image, a classic nuisance in both dermoscopic and clinical images. */
final class HairPainter {

    private HairPainter() {
    }

    static void paint(Graphics2D g, int count, int size, RandomGenerator rng) {
        double unit = size / 64.0;
        int base = Rgb.mix(0x2A1E18, 0x5A4030, rng.nextDouble());
        for (int i = 0; i < count; i++) {
            double angle = rng.nextDouble(Math.PI);
            double cx = rng.nextDouble(size);
            double cy = rng.nextDouble(size);
            double half = size * rng.nextDouble(0.25, 0.6);
            double dx = half * StrictMath.cos(angle);
            double dy = half * StrictMath.sin(angle);
            double bend = size * 0.12;
            CubicCurve2D curve = new CubicCurve2D.Double(cx - dx, cy - dy,
                    cx - dx / 3 + bend * rng.nextGaussian(), cy - dy / 3 + bend * rng.nextGaussian(),
                    cx + dx / 3 + bend * rng.nextGaussian(), cy + dy / 3 + bend * rng.nextGaussian(), cx + dx, cy + dy);
            g.setStroke(new BasicStroke((float) (unit * rng.nextDouble(0.55, 1.0)), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.setColor(Rgb.color(base, rng.nextDouble(0.75, 0.95)));
            g.draw(curve);
        }
    }
}
