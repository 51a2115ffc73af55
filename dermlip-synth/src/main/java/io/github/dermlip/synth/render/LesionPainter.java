package io.github.dermlip.synth.render;

import io.github.dermlip.synth.lesion.LesionAttributes;
import io.github.dermlip.synth.lesion.LesionColour;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.random.RandomGenerator;

/**
 * Paints one lesion with every attribute in its {@link LesionAttributes}: a base colour with a soft rim, blotches of
 * the other colours (concentric when symmetric, off-centre when asymmetric), then pigment network, dots and globules,
 * crust, scale and finally the vessels on top. Sizes are expressed in units of 1/64 of the image side so the drawing
 * looks the same at every resolution.
 */
final class LesionPainter {

    /** Which colour fills the lesion body when several are present, most preferred first. */
    private static final LesionColour[] BODY_PREFERENCE = {LesionColour.BROWN, LesionColour.PINK, LesionColour.RED,
        LesionColour.BLACK, LesionColour.BLUE_GREY, LesionColour.WHITE};
    /** Line widths (in units) of an atypical pigment network. */
    private static final double[] NETWORK_WIDTHS = {0.45, 0.8, 1.25};
    /** Opacities of the overlapping flake layers of scale. */
    private static final double[] SCALE_ALPHAS = {0.5, 0.7, 0.9};
    /** Corners of a flake of scale, in half-widths and half-heights. */
    private static final double[][] FLAKE_CORNERS = {{-1.0, -0.6}, {0.8, -1.0}, {1.0, 0.7}, {-0.7, 1.0}};

    private final Graphics2D g;
    private final LesionAttributes attributes;
    private final LesionOutline outline;
    private final LesionPalette palette;
    private final double unit;
    private final RandomGenerator rng;

    LesionPainter(Graphics2D g, LesionAttributes attributes, LesionOutline outline, LesionPalette palette,
                  double unit, RandomGenerator rng) {
        this.g = g;
        this.attributes = attributes;
        this.outline = outline;
        this.palette = palette;
        this.unit = unit;
        this.rng = rng;
    }

    void paint() {
        LesionColour body = bodyColour();
        paintBody(palette.of(body));
        Shape clip = outline.path(1.0);
        g.setClip(clip);
        paintColourBlotches(body);
        if (attributes.pigmentNetwork()) {
            paintPigmentNetwork(palette.of(body));
        }
        if (attributes.dotsGlobules()) {
            paintDotsAndGlobules();
        }
        g.setClip(outline.path(1.06));
        if (attributes.crust()) {
            paintCrust();
        }
        if (attributes.scale()) {
            paintScale();
        }
        if (attributes.vessels()) {
            paintVessels();
        }
        g.setClip(null);
    }

    private LesionColour bodyColour() {
        for (LesionColour colour : BODY_PREFERENCE) {
            if (attributes.has(colour)) {
                return colour;
            }
        }
        throw new IllegalStateException("lesion without colour");
    }

    private void paintBody(int body) {
        int skin = palette.skin();
        double rimAlpha = attributes.irregularBorder() ? 0.45 : 0.6;
        g.setColor(Rgb.color(Rgb.mix(body, skin, 0.55), rimAlpha));
        g.fill(outline.path(attributes.irregularBorder() ? 1.10 : 1.05));
        double r = outline.meanRadius();
        double cx = outline.centreX();
        double cy = outline.centreY();
        if (attributes.asymmetric()) {
            double[] focus = outline.randomInteriorPoint(0.5, rng);
            cx = focus[0];
            cy = focus[1];
        }
        Color[] colours = {Rgb.color(Rgb.scale(body, 0.86, 0.86, 0.86), 1.0), Rgb.color(body, 1.0),
            Rgb.color(Rgb.mix(body, skin, 0.28), 1.0)};
        g.setPaint(new RadialGradientPaint(new Point2D.Double(cx, cy), (float) (1.3 * r),
                new float[] {0f, 0.55f, 1f}, colours, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(outline.path(1.0));
    }

    private void paintColourBlotches(LesionColour body) {
        double r = outline.meanRadius();
        double concentric = 0.5;
        for (LesionColour colour : LesionColour.values()) {
            if (colour == body || !attributes.has(colour)) {
                continue;
            }
            double alpha = colour == LesionColour.BLUE_GREY ? 0.82 : 0.92;
            if (attributes.asymmetric()) {
                int blotches = rng.nextInt(1, 3);
                for (int i = 0; i < blotches; i++) {
                    double angle = rng.nextDouble(2 * Math.PI);
                    double[] at = outline.pointAt(angle, rng.nextDouble(0.25, 0.6));
                    paintBlotch(at[0], at[1], r * rng.nextDouble(0.32, 0.5), palette.of(colour), alpha);
                }
            } else {
                double jitter = 0.06 * r;
                paintBlotch(outline.centreX() + jitter * rng.nextGaussian(),
                        outline.centreY() + jitter * rng.nextGaussian(), r * concentric, palette.of(colour), alpha);
                concentric *= 0.7;
            }
        }
    }

    private void paintBlotch(double x, double y, double radius, int colour, double alpha) {
        LesionOutline blotch = LesionOutline.blob(x, y, radius, rng);
        g.setColor(Rgb.color(colour, alpha * 0.55));
        g.fill(blotch.path(1.12));
        g.setColor(Rgb.color(colour, alpha));
        g.fill(blotch.path(1.0));
    }

    private void paintPigmentNetwork(int body) {
        int line = Rgb.mix(Rgb.scale(body, 0.55, 0.50, 0.48), 0x20140E, 0.35);
        double spacing = 3.0 * unit;
        double r = outline.meanRadius() * 1.45;
        int cells = (int) Math.ceil(2 * r / spacing) + 1;
        double[] nodeX = new double[cells * cells];
        double[] nodeY = new double[cells * cells];
        double angle = rng.nextDouble(Math.PI / 2);
        double cos = StrictMath.cos(angle);
        double sin = StrictMath.sin(angle);
        for (int i = 0; i < cells * cells; i++) {
            double u = -r + (i / cells) * spacing + 0.28 * spacing * rng.nextGaussian();
            double v = -r + (i % cells) * spacing + 0.28 * spacing * rng.nextGaussian();
            nodeX[i] = outline.centreX() + u * cos - v * sin;
            nodeY[i] = outline.centreY() + u * sin + v * cos;
        }
        // A typical network has even lines; an atypical (asymmetric) one mixes thin and thick lines.
        int widths = attributes.asymmetric() ? NETWORK_WIDTHS.length : 1;
        Path2D.Double[] layers = new Path2D.Double[widths];
        for (int w = 0; w < widths; w++) {
            layers[w] = new Path2D.Double();
        }
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                int node = i * cells + j;
                if (i + 1 < cells) {
                    Path2D.Double layer = layers[rng.nextInt(widths)];
                    layer.moveTo(nodeX[node], nodeY[node]);
                    layer.lineTo(nodeX[node + cells], nodeY[node + cells]);
                }
                if (j + 1 < cells) {
                    Path2D.Double layer = layers[rng.nextInt(widths)];
                    layer.moveTo(nodeX[node], nodeY[node]);
                    layer.lineTo(nodeX[node + 1], nodeY[node + 1]);
                }
            }
        }
        g.setColor(Rgb.color(line, 0.7));
        for (int w = 0; w < widths; w++) {
            double width = widths == 1 ? 0.7 : NETWORK_WIDTHS[w];
            g.setStroke(new BasicStroke((float) (width * unit), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(layers[w]);
        }
    }

    private void paintDotsAndGlobules() {
        int colour = darkestStructureColour();
        double r = outline.meanRadius();
        int count = 6 + (int) (r / unit * 0.7);
        double[] cluster = attributes.asymmetric() ? outline.pointAt(rng.nextDouble(2 * Math.PI), 0.45) : null;
        for (int i = 0; i < count; i++) {
            double x;
            double y;
            if (cluster == null) {
                double[] p = outline.pointAt(rng.nextDouble(2 * Math.PI), rng.nextDouble(0.15, 0.85));
                x = p[0];
                y = p[1];
            } else {
                x = cluster[0] + 0.35 * r * rng.nextGaussian();
                y = cluster[1] + 0.35 * r * rng.nextGaussian();
            }
            double dot = unit * (rng.nextDouble() < 0.3 ? rng.nextDouble(1.2, 1.8) : rng.nextDouble(0.6, 1.1));
            g.setColor(Rgb.color(colour, rng.nextDouble(0.85, 1.0)));
            g.fill(new Ellipse2D.Double(x - dot, y - dot, 2 * dot, 2 * dot));
        }
    }

    private int darkestStructureColour() {
        if (attributes.has(LesionColour.BLACK)) {
            return palette.of(LesionColour.BLACK);
        }
        if (attributes.has(LesionColour.BROWN)) {
            return Rgb.scale(palette.of(LesionColour.BROWN), 0.55, 0.5, 0.5);
        }
        if (attributes.has(LesionColour.RED)) {
            return Rgb.scale(palette.of(LesionColour.RED), 0.62, 0.45, 0.6);
        }
        if (attributes.has(LesionColour.BLUE_GREY)) {
            return Rgb.scale(palette.of(LesionColour.BLUE_GREY), 0.6, 0.6, 0.65);
        }
        return Rgb.mix(palette.skin(), 0x3A2418, 0.7);
    }

    private void paintCrust() {
        double r = outline.meanRadius();
        int blobs = rng.nextInt(2, 5);
        for (int i = 0; i < blobs; i++) {
            double[] at = outline.randomInteriorPoint(0.7, rng);
            int honey = Rgb.mix(0xC8963C, 0x8C5A2D, rng.nextDouble());
            LesionOutline crust = LesionOutline.blob(at[0], at[1], r * rng.nextDouble(0.2, 0.34), rng);
            g.setColor(Rgb.color(Rgb.scale(honey, 0.6, 0.55, 0.5), 0.9));
            g.fill(crust.path(1.15));
            g.setColor(Rgb.color(honey, 0.95));
            g.fill(crust.path(1.0));
            int specks = rng.nextInt(2, 6);
            for (int s = 0; s < specks; s++) {
                double[] p = crust.randomInteriorPoint(0.8, rng);
                double d = unit * rng.nextDouble(0.4, 0.8);
                g.setColor(Rgb.color(Rgb.scale(honey, 0.55, 0.5, 0.45), 0.9));
                g.fill(new Ellipse2D.Double(p[0] - d, p[1] - d, 2 * d, 2 * d));
            }
        }
    }

    private void paintScale() {
        double r = outline.meanRadius();
        int flakes = (int) (1.6 * r * r / (unit * unit)) + 10;
        int silver = Rgb.mix(0xECEAE4, palette.skin(), 0.1);
        int patches = rng.nextInt(1, 4);
        g.setColor(Rgb.color(silver, 0.4));
        for (int i = 0; i < patches; i++) {
            double[] at = outline.randomInteriorPoint(0.5, rng);
            g.fill(LesionOutline.blob(at[0], at[1], r * rng.nextDouble(0.35, 0.55), rng).path(1.0));
        }
        Path2D.Double[] layers = new Path2D.Double[SCALE_ALPHAS.length];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new Path2D.Double();
        }
        for (int i = 0; i < flakes; i++) {
            double[] at = outline.randomInteriorPoint(0.9, rng);
            double w = unit * rng.nextDouble(1.2, 2.8);
            double h = unit * rng.nextDouble(0.8, 1.6);
            appendFlake(layers[rng.nextInt(layers.length)], at[0], at[1], w, h, rng.nextDouble(Math.PI));
        }
        for (int l = 0; l < layers.length; l++) {
            g.setColor(Rgb.color(silver, SCALE_ALPHAS[l]));
            g.fill(layers[l]);
        }
    }

    private void paintVessels() {
        int red = Rgb.mix(0xC81E32, palette.skin(), 0.1);
        int trees = outline.meanRadius() > 12 * unit ? rng.nextInt(3, 5) : rng.nextInt(2, 4);
        g.setColor(Rgb.color(red, 0.95));
        for (int t = 0; t < trees; t++) {
            double[] start = outline.randomInteriorPoint(0.55, rng);
            double angle = rng.nextDouble(2 * Math.PI);
            branch(start[0], start[1], angle, outline.meanRadius() * rng.nextDouble(0.45, 0.7), 1.15 * unit, 3);
        }
    }

    private void branch(double x, double y, double angle, double length, double width, int depth) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x, y);
        double a = angle;
        double px = x;
        double py = y;
        for (int step = 0; step < 3; step++) {
            a += 0.3 * rng.nextGaussian();
            px += length / 3 * StrictMath.cos(a);
            py += length / 3 * StrictMath.sin(a);
            path.lineTo(px, py);
        }
        g.draw(path);
        if (depth > 1) {
            int children = rng.nextInt(2, 4);
            for (int c = 0; c < children; c++) {
                double spread = rng.nextDouble(0.35, 0.9) * (c % 2 == 0 ? 1 : -1);
                branch(px, py, a + spread, length * rng.nextDouble(0.5, 0.75), Math.max(0.45 * unit, width * 0.7),
                        depth - 1);
            }
        }
    }

    /** Appends a small rotated quadrilateral (one flake of scale) to {@code path}. */
    private static void appendFlake(Path2D.Double path, double x, double y, double w, double h, double angle) {
        double c = StrictMath.cos(angle);
        double s = StrictMath.sin(angle);
        for (int i = 0; i < FLAKE_CORNERS.length; i++) {
            double px = FLAKE_CORNERS[i][0] * w;
            double py = FLAKE_CORNERS[i][1] * h;
            double fx = x + 0.5 * (px * c - py * s);
            double fy = y + 0.5 * (px * s + py * c);
            if (i == 0) {
                path.moveTo(fx, fy);
            } else {
                path.lineTo(fx, fy);
            }
        }
        path.closePath();
    }
}
