package io.github.dermlip.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes JPEGs with skin-photo-like texture for the data-loader row: a smooth colour gradient, a few blotches
 * of a darker hue, and fine grain, so that the files have the high-frequency content (and the decode cost) of
 * photographs rather than of flat synthetic shapes. Quality 90, baseline, 4:2:0 as ImageIO writes it.
 */
public final class JpegCorpus {
    private static final float QUALITY = 0.9f;

    private JpegCorpus() {}

    /**
     * Writes {@code count} square JPEGs of side {@code size} named {@code img_00000.jpg}, ... into {@code dir}.
     *
     * @return the file names, in order
     */
    public static List<String> write(Path dir, int count, int size, long seed) throws IOException {
        return write(dir, count, size, size, seed);
    }

    /**
     * Writes {@code count} JPEGs of {@code width x height} named {@code img_00000.jpg}, ... into {@code dir}.
     *
     * @return the file names, in order
     */
    public static List<String> write(Path dir, int count, int width, int height, long seed) throws IOException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = String.format("img_%05d.jpg", i);
            writeJpeg(image(width, height, new SplittableRandom(seed + 1_000_003L * i)), dir.resolve(name));
            names.add(name);
        }
        return names;
    }

    /** One textured RGB image; blotch sizes scale with the longer side. */
    static BufferedImage image(int width, int height, SplittableRandom random) {
        int size = Math.max(width, height);
        double[] base = {200 + 40 * random.nextDouble(), 150 + 40 * random.nextDouble(), 120 + 40 * random.nextDouble()};
        double gradX = random.nextDouble(-0.15, 0.15);
        double gradY = random.nextDouble(-0.15, 0.15);
        int blotches = 2 + random.nextInt(4);
        double[][] blotch = new double[blotches][];
        for (int b = 0; b < blotches; b++) {
            blotch[b] = new double[] {random.nextDouble(width), random.nextDouble(height), size * random.nextDouble(0.05, 0.2),
                    random.nextDouble(0.3, 0.7)};
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double shade = 1 + gradX * (x - width / 2.0) / width + gradY * (y - height / 2.0) / height;
                for (double[] b : blotch) {
                    double dx = x - b[0];
                    double dy = y - b[1];
                    shade -= b[3] * Math.exp(-(dx * dx + dy * dy) / (2 * b[2] * b[2]));
                }
                double grain = random.nextDouble(-12, 12);
                int r = clamp(base[0] * shade + grain);
                int g = clamp(base[1] * shade * 0.95 + grain);
                int bl = clamp(base[2] * shade * 0.9 + grain);
                row[x] = (r << 16) | (g << 8) | bl;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static void writeJpeg(BufferedImage image, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no JPEG writer is registered with ImageIO");
        }
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(QUALITY);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
