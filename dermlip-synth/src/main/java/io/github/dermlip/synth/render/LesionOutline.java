package io.github.dermlip.synth.render;

import java.awt.geom.Path2D;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A star-shaped closed outline given by its radius at evenly spaced angles around a centre. Symmetric outlines are
 * ellipses; asymmetric ones add low odd harmonics (an egg or kidney shape); irregular borders add high harmonics,
 * pseudopod-like bumps and per-vertex jitter.
 */
final class LesionOutline {

    private static final int VERTICES = 120;
    private static final double TWO_PI = 2.0 * Math.PI;

    private final double cx;
    private final double cy;
    private final double[] radii;
    private final double meanRadius;

    private LesionOutline(double cx, double cy, double[] radii) {
        this.cx = cx;
        this.cy = cy;
        this.radii = radii;
        double sum = 0.0;
        for (double r : radii) {
            sum += r;
        }
        this.meanRadius = sum / radii.length;
    }

    /** A lesion outline with mean radius {@code radius}. */
    static LesionOutline lesion(double cx, double cy, double radius, boolean asymmetric, boolean irregular,
                                RandomGenerator rng) {
        double[] shape = new double[VERTICES];
        double aspect = asymmetric ? rng.nextDouble(0.70, 0.92) : rng.nextDouble(0.80, 0.97);
        double rotation = rng.nextDouble(TWO_PI);
        for (int i = 0; i < VERTICES; i++) {
            double t = TWO_PI * i / VERTICES;
            double c = StrictMath.cos(t);
            double s = StrictMath.sin(t);
            shape[i] = aspect / StrictMath.sqrt(aspect * aspect * c * c + s * s);
        }
        if (asymmetric) {
            addHarmonic(shape, 1, rng.nextDouble(0.16, 0.26), rng.nextDouble(TWO_PI));
            addHarmonic(shape, 2, rng.nextDouble(0.06, 0.16), rng.nextDouble(TWO_PI));
            addHarmonic(shape, 3, rng.nextDouble(0.08, 0.16), rng.nextDouble(TWO_PI));
        } else {
            for (int k = 4; k <= 6; k += 2) {
                addHarmonic(shape, k, rng.nextDouble(0.0, 0.012), rng.nextDouble(TWO_PI));
            }
        }
        if (irregular) {
            for (int k = 5; k <= 9; k++) {
                addHarmonic(shape, k, rng.nextDouble(0.01, 0.035), rng.nextDouble(TWO_PI));
            }
            int lobes = rng.nextInt(4, 8);
            for (int b = 0; b < lobes; b++) {
                // Alternate rounded lobes with notches.
                double height = rng.nextDouble(0.12, 0.26) * (b % 2 == 0 ? 1.0 : -0.8);
                addBump(shape, rng.nextDouble(TWO_PI), rng.nextDouble(0.14, 0.30), height);
            }
            double[] jitter = new double[VERTICES];
            for (int i = 0; i < VERTICES; i++) {
                jitter[i] = rng.nextGaussian();
            }
            for (int i = 0; i < VERTICES; i++) {
                double smooth = (jitter[(i + VERTICES - 1) % VERTICES] + jitter[i] + jitter[(i + 1) % VERTICES]) / 3;
                shape[i] *= 1.0 + 0.05 * smooth;
            }
        }
        return new LesionOutline(cx, cy, rotateAndNormalise(shape, rotation, radius));
    }

    /** A smooth, mildly irregular blotch (a colour area inside a lesion). */
    static LesionOutline blob(double cx, double cy, double radius, RandomGenerator rng) {
        double[] shape = new double[VERTICES];
        Arrays.fill(shape, 1.0);
        for (int k = 2; k <= 5; k++) {
            addHarmonic(shape, k, rng.nextDouble(0.03, 0.12), rng.nextDouble(TWO_PI));
        }
        return new LesionOutline(cx, cy, rotateAndNormalise(shape, 0.0, radius));
    }

    double centreX() {
        return cx;
    }

    double centreY() {
        return cy;
    }

    double meanRadius() {
        return meanRadius;
    }

    /** Radius at an angle, linearly interpolated between vertices. */
    double radiusAt(double angle) {
        double a = angle % TWO_PI;
        if (a < 0) {
            a += TWO_PI;
        }
        double pos = a / TWO_PI * VERTICES;
        int i = (int) pos;
        double f = pos - i;
        return radii[i % VERTICES] * (1.0 - f) + radii[(i + 1) % VERTICES] * f;
    }

    /** The outline scaled about its centre by {@code factor}. */
    Path2D path(double factor) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO, VERTICES + 1);
        for (int i = 0; i < VERTICES; i++) {
            double t = TWO_PI * i / VERTICES;
            double x = cx + factor * radii[i] * StrictMath.cos(t);
            double y = cy + factor * radii[i] * StrictMath.sin(t);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    /** A uniformly distributed point within {@code fraction} of the outline, as {@code {x, y}}. */
    double[] randomInteriorPoint(double fraction, RandomGenerator rng) {
        double t = rng.nextDouble(TWO_PI);
        double rho = StrictMath.sqrt(rng.nextDouble()) * fraction * radiusAt(t);
        return new double[] {cx + rho * StrictMath.cos(t), cy + rho * StrictMath.sin(t)};
    }

    /** The point at {@code fraction} of the radius in direction {@code angle}, as {@code {x, y}}. */
    double[] pointAt(double angle, double fraction) {
        double rho = fraction * radiusAt(angle);
        return new double[] {cx + rho * StrictMath.cos(angle), cy + rho * StrictMath.sin(angle)};
    }

    private static void addHarmonic(double[] shape, int k, double amplitude, double phase) {
        for (int i = 0; i < shape.length; i++) {
            shape[i] *= 1.0 + amplitude * StrictMath.cos(k * TWO_PI * i / shape.length - phase);
        }
    }

    private static void addBump(double[] shape, double centre, double width, double height) {
        for (int i = 0; i < shape.length; i++) {
            double d = TWO_PI * i / shape.length - centre;
            d = StrictMath.IEEEremainder(d, TWO_PI);
            shape[i] *= 1.0 + height * StrictMath.exp(-0.5 * d * d / (width * width));
        }
    }

    private static double[] rotateAndNormalise(double[] shape, double rotation, double meanRadius) {
        double[] out = new double[shape.length];
        int shift = (int) (rotation / TWO_PI * shape.length);
        double sum = 0.0;
        for (double v : shape) {
            sum += v;
        }
        double norm = meanRadius * shape.length / sum;
        for (int i = 0; i < shape.length; i++) {
            out[(i + shift) % shape.length] = shape[i] * norm;
        }
        return out;
    }
}
