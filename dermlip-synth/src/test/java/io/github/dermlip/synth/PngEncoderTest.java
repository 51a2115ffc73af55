package io.github.dermlip.synth;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** PNG files from the encoder decode (with the JDK's decoder) to exactly the pixels that went in. */
class PngEncoderTest {

    @Test
    void roundTripsThroughImageIo() throws IOException {
        SplittableRandom rng = new SplittableRandom(1);
        for (int[] size : new int[][] {{1, 1}, {64, 64}, {37, 5}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    image.setRGB(x, y, rng.nextInt(1 << 24));
                }
            }
            byte[] png = PngEncoder.encode(image);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(size[0], decoded.getWidth());
            assertEquals(size[1], decoded.getHeight());
            assertArrayEquals(rgb(image), rgb(decoded));
            assertArrayEquals(png, PngEncoder.encode(image), "encoding is deterministic");
        }
    }

    @Test
    void startsWithThePngSignatureAndHeader() {
        byte[] png = PngEncoder.encode(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        byte[] expectedStart = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0};
        byte[] start = new byte[expectedStart.length];
        System.arraycopy(png, 0, start, 0, start.length);
        assertArrayEquals(expectedStart, start);
    }

    private static int[] rgb(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        return pixels;
    }
}
