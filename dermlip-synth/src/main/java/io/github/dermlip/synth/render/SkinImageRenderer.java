package io.github.dermlip.synth.render;

import io.github.dermlip.synth.lesion.Modality;
import io.github.dermlip.synth.lesion.SkinSample;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Renders a {@link SkinSample} into an antialiased RGB image: skin, lesion, hair, then camera effects. The result
 * depends only on the sample (its render seed) and the image size, never on the calling thread, so renderers can run
 * in parallel. Instances are immutable and thread-safe.
 */
public final class SkinImageRenderer {

    /** Smallest supported image side. */
    public static final int MIN_SIZE = 16;
    /** Largest supported image side. */
    public static final int MAX_SIZE = 1024;

    /** Lesion radius in clinical photographs relative to dermoscopic close-ups. */
    private static final double CLINICAL_SCALE = 0.62;

    private final int size;

    /** A renderer of square images {@code size} pixels wide. */
    public SkinImageRenderer(int size) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException(
                    "image size must be in [" + MIN_SIZE + ", " + MAX_SIZE + "] pixels, got " + size);
        }
        this.size = size;
    }

    /** Side of the rendered images in pixels. */
    public int size() {
        return size;
    }

    /** Draws the sample as a {@link BufferedImage#TYPE_INT_RGB} image. */
    public BufferedImage render(SkinSample sample) {
        SplittableRandom rng = new SplittableRandom(sample.renderSeed());
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            int skin = SkinPainter.skinColour(sample.tone(), rng);
            SkinPainter.paint(g, skin, sample.tone(), sample.modality(), size, rng);
            boolean dermoscopic = sample.modality() == Modality.DERMOSCOPIC;
            double radius = sample.attributes().size().radiusFraction() * size * rng.nextDouble(0.88, 1.12)
                    * (dermoscopic ? 1.0 : CLINICAL_SCALE);
            double cx;
            double cy;
            if (dermoscopic) {
                cx = size * (0.5 + 0.04 * rng.nextGaussian());
                cy = size * (0.5 + 0.04 * rng.nextGaussian());
            } else {
                double margin = radius * 1.3 + 0.06 * size;
                cx = rng.nextDouble(margin, Math.max(margin + 1e-6, size - margin));
                cy = rng.nextDouble(margin, Math.max(margin + 1e-6, size - margin));
            }
            LesionOutline outline = LesionOutline.lesion(cx, cy, radius, sample.attributes().asymmetric(),
                    sample.attributes().irregularBorder(), rng);
            new LesionPainter(g, sample.attributes(), outline, new LesionPalette(skin), size / 64.0, rng).paint();
            int hairs = dermoscopic ? (rng.nextDouble() < 0.35 ? rng.nextInt(1, 4) : 0) : rng.nextInt(0, 6);
            HairPainter.paint(g, hairs, size, rng);
        } finally {
            g.dispose();
        }
        CameraEffects.apply(image, sample.modality(), rng);
        return image;
    }
}
