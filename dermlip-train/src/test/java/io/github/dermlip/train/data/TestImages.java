package io.github.dermlip.train.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Small deterministic test images, each recognizable by the index it was drawn from. */
final class TestImages {
    private TestImages() {}

    /** A {@code width x height} RGB image whose pixels are a fixed function of {@code index} and the position. */
    static BufferedImage drawn(int index, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (index * 37 + x * 5) & 0xFF;
                int g = (index * 11 + y * 7) & 0xFF;
                int b = (index * 53 + x * y) & 0xFF;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** The image encoded as PNG (lossless, so decoding gives back {@link #drawn} exactly). */
    static byte[] png(int index, int width, int height) {
        return encode(drawn(index, width, height), "png");
    }

    /** The image encoded as JPEG. */
    static byte[] jpeg(int index, int width, int height) {
        return encode(drawn(index, width, height), "jpeg");
    }

    /** Writes a PNG of {@code index} to {@code file}. */
    static void writePng(Path file, int index, int width, int height) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, png(index, width, height));
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
