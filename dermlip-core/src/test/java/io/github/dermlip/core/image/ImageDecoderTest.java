package io.github.dermlip.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    /** A 2x3 lossless WebP with alpha, written by Pillow 9.4 (libwebp, {@code exact=True}). */
    private static final String WEBP_RGBA = "UklGRlQAAABXRUJQVlA4TEgAAAAvAYAAEC+gGJIkZgPFWp0/SHqdBpmAxdZAdoH08qkJQIAxKkj"
            + "g0r+dT03bBkwX76qw+8UDWOf+J1Ut664QCKQhllgWOKL/0QA=";
    /** The pixels of {@link #WEBP_RGBA}, RGBA, row by row. */
    private static final int[][] WEBP_PIXELS = {
        {10, 20, 30, 255}, {200, 100, 50, 128}, {0, 255, 0, 0}, {90, 90, 90, 255}, {1, 2, 3, 4}, {250, 251, 252, 253}};

    /** A 2x1 RGB PNG whose {@code tRNS} chunk makes colour (10, 20, 30) transparent; Pillow opens it as RGB. */
    private static final String PNG_RGB_TRNS = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAABnRSTlMACgAUAB7FNin/AAAAD0lE"
            + "QVR4nGPgEpE7kWIEAARxAZt3MVGCAAAAAElFTkSuQmCC";

    @TempDir
    Path tmp;

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out), "no ImageIO writer for " + format);
        return out.toByteArray();
    }

    private static int[] rgb(BufferedImage img, int x, int y) {
        return img.getRaster().getPixel(x, y, (int[]) null);
    }

    @Test
    void grayPngKeepsItsValuesWithoutGamma() throws IOException {
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 77, 200});
        BufferedImage out = ImageDecoder.decodeRgb(encode(gray, "png"), "gray.png");
        assertEquals(BufferedImage.TYPE_INT_RGB, out.getType());
        assertArrayEquals(new int[] {77, 77, 77}, rgb(out, 1, 0));
        assertArrayEquals(new int[] {200, 200, 200}, rgb(out, 2, 0));
        // Java's colour-managed route (getRGB on a linear-grey image) would give another value: we must not use it.
        assertNotEquals(77, gray.getRGB(1, 0) & 0xFF);
    }

    @Test
    void rgbaPngDropsAlphaWithoutCompositing() throws IOException {
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x00FF8040);
        rgba.setRGB(1, 0, 0x80102030);
        byte[] png = encode(rgba, "png");
        BufferedImage out = ImageDecoder.decodeRgb(png, "rgba.png");
        assertEquals(BufferedImage.TYPE_INT_RGB, out.getType());
        assertArrayEquals(new int[] {255, 128, 64}, rgb(out, 0, 0), "fully transparent pixel keeps its colour");
        assertArrayEquals(new int[] {16, 32, 48}, rgb(out, 1, 0));
        BufferedImage kept = ImageDecoder.decode(png, "rgba.png");
        assertEquals(BufferedImage.TYPE_INT_ARGB, kept.getType());
        assertEquals(0x80102030, kept.getRGB(1, 0));
    }

    @Test
    void pngTransparencyChunkAddsNoAlpha() throws IOException {
        BufferedImage kept = ImageDecoder.decode(Base64.getDecoder().decode(PNG_RGB_TRNS), "trns.png");
        assertEquals(BufferedImage.TYPE_INT_RGB, kept.getType(), "Java reads tRNS as alpha; Pillow does not");
        assertArrayEquals(new int[] {10, 20, 30}, rgb(kept, 0, 0));
        assertArrayEquals(new int[] {200, 100, 50}, rgb(kept, 1, 0));
    }

    @Test
    void palettePngStaysAPaletteImageUntilConverted() throws IOException {
        byte[] r = {10, (byte) 200, 0, 5};
        byte[] g = {20, 0, (byte) 255, 6};
        byte[] b = {30, 100, 0, 7};
        BufferedImage pal = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 4, r, g, b));
        pal.getRaster().setPixels(0, 0, 4, 1, new int[] {3, 1, 0, 2});
        byte[] png = encode(pal, "png");
        assertEquals(3, png[25], "colour type 3 (palette) in the IHDR");
        BufferedImage kept = ImageDecoder.decode(png, "pal.png");
        assertEquals(BufferedImage.TYPE_BYTE_INDEXED, kept.getType());
        BufferedImage out = ImageDecoder.decodeRgb(png, "pal.png");
        assertArrayEquals(new int[] {5, 6, 7}, rgb(out, 0, 0));
        assertArrayEquals(new int[] {200, 0, 100}, rgb(out, 1, 0));
        assertArrayEquals(new int[] {0, 255, 0}, rgb(out, 3, 0));
    }

    @Test
    void lowBitGrayPngIsStretchedLikePillowsModeL() throws IOException {
        byte[] ramp = new byte[16];
        for (int i = 0; i < 16; i++) {
            ramp[i] = (byte) (i * 17);
        }
        BufferedImage g4 = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(4, 16, ramp, ramp, ramp));
        g4.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 3, 15});
        byte[] png = encode(g4, "png");
        assertEquals(4, png[24], "bit depth 4");
        assertEquals(0, png[25], "colour type 0 (grey)");
        BufferedImage kept = ImageDecoder.decode(png, "g4.png");
        assertEquals(BufferedImage.TYPE_INT_RGB, kept.getType(), "Pillow opens 4-bit grey as L, not as a palette");
        assertArrayEquals(new int[] {51, 51, 51}, rgb(kept, 1, 0));
        assertArrayEquals(new int[] {255, 255, 255}, rgb(kept, 2, 0));

        BufferedImage g1 = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY);
        g1.getRaster().setSample(1, 0, 0, 1);
        BufferedImage bilevel = ImageDecoder.decode(encode(g1, "png"), "g1.png");
        assertEquals(BufferedImage.TYPE_BYTE_INDEXED, bilevel.getType(), "Pillow's mode 1 is resized like a palette image");
        assertArrayEquals(new int[] {255, 255, 255}, rgb(ImageDecoder.toRgb(bilevel), 1, 0));
    }

    @Test
    void sixteenBitPngsFollowPillow() throws IOException {
        BufferedImage g16 = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        g16.getRaster().setPixels(0, 0, 3, 1, new int[] {100, 300, 65535});
        BufferedImage gray = ImageDecoder.decodeRgb(encode(g16, "png"), "g16.png");
        assertArrayEquals(new int[] {100, 100, 100}, rgb(gray, 0, 0), "mode I;16 values are clipped, not scaled");
        assertArrayEquals(new int[] {255, 255, 255}, rgb(gray, 1, 0));

        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), new int[] {16, 16, 16},
                false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {0x1234, 0xFFFF, 0x00FF});
        raster.setPixel(1, 0, new int[] {0x8000, 0x7FFF, 0x0100});
        byte[] png = encode(new BufferedImage(cm, raster, false, null), "png");
        assertEquals(16, png[24], "bit depth 16");
        BufferedImage color = ImageDecoder.decodeRgb(png, "rgb16.png");
        assertArrayEquals(new int[] {0x12, 0xFF, 0x00}, rgb(color, 0, 0), "RGB;16B keeps the high byte");
        assertArrayEquals(new int[] {0x80, 0x7F, 0x01}, rgb(color, 1, 0));
    }

    @Test
    void cmykJpegUsesPillowsNaiveConversionNotAnIccProfile() throws IOException {
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                cmyk.setPixel(x, y, new int[] {200, 100, 255, 230});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
            writer.write(null, new IIOImage(cmyk, null, null), param);
        } finally {
            writer.dispose();
        }
        BufferedImage out = ImageDecoder.decodeRgb(bytes.toByteArray(), "cmyk.jpg");
        // Pillow reads the stored samples inverted (Adobe convention): C,M,Y,K = 55,155,0,25, then
        // R = (255 - K) - round(C * (255 - K) / 255) = 230 - 50 = 180, G = 230 - 140 = 90, B = 230 - 0 = 230.
        int[] px = rgb(out, 8, 8);
        assertEquals(180, px[0], 2);
        assertEquals(90, px[1], 2);
        assertEquals(230, px[2], 2);
    }

    @Test
    void jpegGrayAndColourDecode() throws IOException {
        BufferedImage gray = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        Arrays.fill(((java.awt.image.DataBufferByte) gray.getRaster().getDataBuffer()).getData(), (byte) 90);
        BufferedImage g = ImageDecoder.decodeRgb(encode(gray, "jpg"), "gray.jpg");
        assertArrayEquals(new int[] {90, 90, 90}, rgb(g, 4, 4));

        BufferedImage color = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Arrays.fill(PilImages.ints(color), 0x3C82C8);
        int[] px = rgb(ImageDecoder.decodeRgb(encode(color, "jpg"), "color.jpg"), 8, 8);
        assertEquals(0x3C, px[0], 3);
        assertEquals(0x82, px[1], 3);
        assertEquals(0xC8, px[2], 3);
    }

    @Test
    void bmpGreyRampIsGreyAndColourIsExact() throws IOException {
        BufferedImage gray = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(1, 0, 0, 77);
        BufferedImage g = ImageDecoder.decode(encode(gray, "bmp"), "gray.bmp");
        assertEquals(BufferedImage.TYPE_INT_RGB, g.getType(), "a grey-ramp palette opens as mode L");
        assertArrayEquals(new int[] {77, 77, 77}, rgb(g, 1, 0));

        BufferedImage color = PillowReference.pattern(5, 4, false);
        BufferedImage c = ImageDecoder.decodeRgb(encode(color, "bmp"), "color.bmp");
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(color.getRGB(x, y) & 0xFFFFFF, c.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void losslessWebpWithAlpha() throws IOException {
        byte[] webp = Base64.getDecoder().decode(WEBP_RGBA);
        BufferedImage kept = ImageDecoder.decode(webp, "tiny.webp");
        assertEquals(BufferedImage.TYPE_INT_ARGB, kept.getType());
        BufferedImage rgb = ImageDecoder.decodeRgb(webp, "tiny.webp");
        for (int i = 0; i < WEBP_PIXELS.length; i++) {
            int x = i % 2;
            int y = i / 2;
            int[] want = WEBP_PIXELS[i];
            assertArrayEquals(Arrays.copyOf(want, 3), rgb(rgb, x, y), "pixel " + x + "," + y);
            assertEquals(want[3], kept.getRGB(x, y) >>> 24, "alpha at " + x + "," + y);
        }
    }

    @Test
    void decodesFilesFromDisk() throws IOException {
        Path file = tmp.resolve("pattern.png");
        BufferedImage img = PillowReference.pattern(7, 3, false);
        Files.write(file, encode(img, "png"));
        BufferedImage out = ImageDecoder.decodeRgb(file);
        assertArrayEquals(PilImages.ints(img), PilImages.ints(out));
    }

    @Test
    void badFilesFailWithTheirName() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.png"), new byte[0]);
        assertFailsNaming(empty, "empty");

        Path text = Files.writeString(tmp.resolve("notes.jpg"), "this is not an image\n", StandardCharsets.UTF_8);
        assertFailsNaming(text, "not an image");

        byte[] png = encode(PillowReference.pattern(40, 30, false), "png");
        Path truncatedPng = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        assertFailsNaming(truncatedPng, "cut.png");

        byte[] jpg = encode(PillowReference.pattern(40, 30, false), "jpg");
        Path truncatedJpg = Files.write(tmp.resolve("cut.jpg"), Arrays.copyOf(jpg, jpg.length * 2 / 3));
        assertFailsNaming(truncatedJpg, "truncated");

        byte[] corrupt = png.clone();
        for (int i = 60; i < corrupt.length - 20; i++) {
            corrupt[i] = (byte) (corrupt[i] * 31 + 7);
        }
        assertFailsNaming(Files.write(tmp.resolve("corrupt.png"), corrupt), "corrupt.png");

        byte[] noise = new byte[500];
        new java.util.Random(3).nextBytes(noise);
        noise[0] = (byte) 0xFF;
        noise[1] = (byte) 0xD8;
        noise[2] = (byte) 0xFF;
        assertFailsNaming(Files.write(tmp.resolve("noise.jpg"), noise), "noise.jpg");
    }

    private static void assertFailsNaming(Path file, String detail) {
        ImageDecodeException e = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decodeRgb(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
