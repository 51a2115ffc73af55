package io.github.dermlip.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reference outputs computed by Pillow 9.4.0 ({@code pillow_reference.txt}) for the pattern images built here,
 * and the comparison of an image with them.
 */
final class PillowReference {
    private static final Map<String, String[]> CASES = load();

    private PillowReference() {}

    /**
     * A deterministic test image: R = (37x + 91y + 13) mod 256, G = (7x² + 3y + 5) mod 256,
     * B = (11xy + 200) mod 256, grey (G = B = R) where (x + y) mod 7 = 0, alpha (29x + 53y + 7) mod 256.
     */
    static BufferedImage pattern(int width, int height, boolean alpha) {
        BufferedImage img = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = (x * 37 + y * 91 + 13) % 256;
                int g = (x * x * 7 + y * 3 + 5) % 256;
                int b = (x * y * 11 + 200) % 256;
                if ((x + y) % 7 == 0) {
                    g = r;
                    b = r;
                }
                int a = alpha ? (x * 29 + y * 53 + 7) % 256 : 0;
                img.getRaster().setPixel(x, y, alpha ? new int[] {r, g, b, a} : new int[] {r, g, b});
            }
        }
        return img;
    }

    /** A palette test image: index (5x + 3y) mod 16; colour i = (16i, 255 - 16i, 40i) mod 256. */
    static BufferedImage palettePattern(int width, int height) {
        int[] colors = new int[256];
        for (int i = 0; i < 256; i++) {
            colors[i] = (i * 16 % 256) << 16 | ((255 - i * 16) & 0xFF) << 8 | (i * 40 % 256);
        }
        BufferedImage img = PilImages.newPalette(width, height, colors);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.getRaster().setSample(x, y, 0, (x * 5 + y * 3) % 16);
            }
        }
        return img;
    }

    /** Asserts the image equals Pillow's result for the named case, pixel for pixel. */
    static void assertMatches(String name, BufferedImage actual) {
        String[] c = CASES.get(name);
        assertNotNull(c, "no reference case " + name);
        assertEquals(c[0], actual.getWidth() + "x" + actual.getHeight(), name + " size");
        boolean rgba = c[1].equals("RGBA");
        byte[] bytes = pillowBytes(actual, rgba);
        if (c[2].startsWith("crc32:")) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            assertEquals(c[2].substring(6), String.format("%08x", crc.getValue()), name + " CRC-32 of the pixels");
        } else {
            assertEquals(c[2], HexFormat.of().formatHex(bytes), name + " pixels");
        }
    }

    /** Pixels as Pillow's {@code tobytes()}: R, G, B (and A) per pixel, row by row. */
    private static byte[] pillowBytes(BufferedImage img, boolean rgba) {
        BufferedImage canonical = PilImages.canonical(img);
        BufferedImage rgb = PilImages.toRgb(canonical);
        int channels = rgba ? 4 : 3;
        int[] px = PilImages.ints(rgba ? canonical : rgb);
        byte[] out = new byte[px.length * channels];
        for (int i = 0; i < px.length; i++) {
            out[i * channels] = (byte) (px[i] >> 16);
            out[i * channels + 1] = (byte) (px[i] >> 8);
            out[i * channels + 2] = (byte) px[i];
            if (rgba) {
                out[i * channels + 3] = (byte) (px[i] >>> 24);
            }
        }
        return out;
    }

    private static Map<String, String[]> load() {
        Map<String, String[]> cases = new HashMap<>();
        try (InputStream in = PillowReference.class.getResourceAsStream("pillow_reference.txt")) {
            assertNotNull(in, "pillow_reference.txt is missing from the test resources");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split(" ");
                    cases.put(f[0], new String[] {f[1], f[2], f[3]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
