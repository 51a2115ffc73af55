package io.github.dermlip.core.image;

import static io.github.dermlip.core.image.PillowReference.assertMatches;
import static io.github.dermlip.core.image.PillowReference.palettePattern;
import static io.github.dermlip.core.image.PillowReference.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.dermlip.core.config.PreprocessConfig.Interpolation;
import io.github.dermlip.core.image.PillowResampler.Box;
import io.github.dermlip.core.image.PillowResampler.Coefficients;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PillowResamplerTest {

    @Test
    void bicubicWeightsOfA2xUpscaleAreTheKeysCubicKernel() {
        // 4 -> 8 pixels: output 4 is centred at source 2.25, so taps 0..3 sit at distances 1.75, 0.75, 0.25, 1.25
        // from it. Keys' kernel (a = -0.5) there: -3/128, 29/128, 111/128, -9/128, summing to 1.
        Coefficients c = Coefficients.compute(4, 0f, 4f, 8, Interpolation.BICUBIC);
        assertEquals(0, c.start[4]);
        assertEquals(4, c.count[4]);
        double[] interior = Arrays.copyOfRange(c.weights, 4 * c.ksize, 4 * c.ksize + 4);
        assertArrayEquals(new double[] {-3 / 128.0, 29 / 128.0, 111 / 128.0, -9 / 128.0}, interior, 1e-15);
        int[] fixed = Arrays.copyOfRange(c.fixed, 4 * c.ksize, 4 * c.ksize + 4);
        assertArrayEquals(new int[] {-3 << 15, 29 << 15, 111 << 15, -9 << 15}, fixed, "22-bit fixed point");

        // Output 2 (centre 1.25) loses the tap at -1; Pillow renormalizes the remaining three by their sum 131/128.
        assertEquals(0, c.start[2]);
        assertEquals(3, c.count[2]);
        double[] edge = Arrays.copyOfRange(c.weights, 2 * c.ksize, 2 * c.ksize + 3);
        assertArrayEquals(new double[] {29 / 131.0, 111 / 131.0, -9 / 131.0}, edge, 1e-15);
    }

    @Test
    void downscalingWidensTheSupportByTheScale() {
        // 12 -> 3: scale 4, bicubic support 2 * 4 = 8, so up to 2 * 8 + 1 taps; output 1 is centred at 6.
        Coefficients c = Coefficients.compute(12, 0f, 12f, 3, Interpolation.BICUBIC);
        assertEquals(17, c.ksize);
        assertEquals(0, c.start[1]);
        assertEquals(12, c.count[1]);
        double sum = 0;
        for (int x = 0; x < c.count[1]; x++) {
            sum += c.weights[c.ksize + x];
        }
        assertEquals(1.0, sum, 1e-12);
        // The weight of source pixel 5 (centre 5.5, distance 0.5 -> 0.125 after scaling) is the kernel at 0.125.
        double k = 1.5 * 0.125 * 0.125 * 0.125 - 2.5 * 0.125 * 0.125 + 1;
        double norm = 0;
        for (int x = 0; x < 12; x++) {
            double d = Math.abs(x + 0.5 - 6) / 4;
            norm += d < 1 ? 1.5 * d * d * d - 2.5 * d * d + 1 : d < 2 ? -0.5 * (d * d * d - 5 * d * d + 8 * d - 4) : 0;
        }
        assertEquals(k / norm, c.weights[c.ksize + 5], 1e-15);
    }

    @Test
    void bilinearUpscaleOfA2x2MatchesHandComputedValues() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        int[][] red = {{0, 200}, {100, 40}};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                img.getRaster().setPixel(x, y, new int[] {red[y][x], 255 - red[y][x], 7});
            }
        }
        BufferedImage out = PillowResampler.resize(img, 4, 4, Interpolation.BILINEAR);
        // Per axis the outputs take weights (1), (3/4, 1/4), (1/4, 3/4), (1) of the two inputs (the outer
        // ones lose their out-of-image tap); rows first, each pass rounded half up to an integer.
        int[][] rows = {{0, 50, 150, 200}, {100, 85, 55, 40}};
        for (int x = 0; x < 4; x++) {
            int[] col = {rows[0][x], (int) Math.floor(0.75 * rows[0][x] + 0.25 * rows[1][x] + 0.5),
                    (int) Math.floor(0.25 * rows[0][x] + 0.75 * rows[1][x] + 0.5), rows[1][x]};
            for (int y = 0; y < 4; y++) {
                int[] px = out.getRaster().getPixel(x, y, (int[]) null);
                assertEquals(col[y], px[0], "red at " + x + "," + y);
                assertEquals(7, px[2], "constant blue at " + x + "," + y);
            }
        }
        assertEquals(59, out.getRaster().getSample(1, 1, 0), "0.75 * 50 + 0.25 * 85 = 58.75");
        assertEquals(196, out.getRaster().getSample(1, 1, 1), "green: 0.75 * 205 + 0.25 * 170 = 196.25");
    }

    @ParameterizedTest
    @EnumSource(Interpolation.class)
    void constantImagesStayConstant(Interpolation filter) {
        BufferedImage img = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        int color = 0x12C07F;
        int[] px = PilImages.ints(img);
        Arrays.fill(px, color);
        for (int[] size : new int[][] {{5, 4}, {11, 23}, {90, 61}, {1, 1}}) {
            BufferedImage out = PillowResampler.resize(img, size[0], size[1], filter);
            for (int p : PilImages.ints(out)) {
                assertEquals(color, p & 0xFFFFFF, "resize to " + size[0] + "x" + size[1]);
            }
        }
        BufferedImage boxed = PillowResampler.resize(img, 9, 7, filter, new Box(3.3f, 1.75f, 30.5f, 20f));
        for (int p : PilImages.ints(boxed)) {
            assertEquals(color, p & 0xFFFFFF, "box resize");
        }
    }

    @Test
    void sameSizeIsAnIdenticalCopy() {
        BufferedImage img = pattern(13, 9, false);
        BufferedImage out = PillowResampler.resize(img, 13, 9, Interpolation.BICUBIC);
        assertNotSame(img, out);
        assertArrayEquals(PilImages.ints(img), PilImages.ints(out));
    }

    @Test
    void integerBoxOfOutputSizeIsACrop() {
        BufferedImage img = pattern(13, 9, false);
        BufferedImage out = PillowResampler.resize(img, 6, 4, Interpolation.BICUBIC, new Box(5, 3, 11, 7));
        assertArrayEquals(PilImages.ints(PilImages.crop(img, 5, 3, 6, 4)), PilImages.ints(out));
    }

    @Test
    void regionResizeEqualsCropThenResize() {
        BufferedImage img = pattern(41, 29, false);
        for (Interpolation filter : Interpolation.values()) {
            BufferedImage viaRegion = PillowResampler.resizeRegion(img, 7, 4, 23, 19, 10, 31, filter);
            BufferedImage viaCrop = PillowResampler.resize(PilImages.crop(img, 7, 4, 23, 19), 10, 31, filter);
            assertArrayEquals(PilImages.ints(viaCrop), PilImages.ints(viaRegion), filter.name());
        }
    }

    @Test
    void boxResizeReadsPixelsOutsideTheBoxLikePillow() {
        BufferedImage img = pattern(13, 9, false);
        BufferedImage boxed = PillowResampler.resize(img, 4, 3, Interpolation.BICUBIC, new Box(2, 2, 10, 8));
        BufferedImage cropped = PillowResampler.resize(PilImages.crop(img, 2, 2, 8, 6), 4, 3, Interpolation.BICUBIC);
        assertEquals(false, Arrays.equals(PilImages.ints(boxed), PilImages.ints(cropped)),
                "the antialiasing filter reaches beyond the box edges, so box != crop-then-resize");
    }

    @Test
    void matchesPillowOnRgb() {
        BufferedImage rgb = pattern(13, 9, false);
        assertMatches("rgb.bicubic.5x4", PillowResampler.resize(rgb, 5, 4, Interpolation.BICUBIC));
        assertMatches("rgb.bicubic.29x20", PillowResampler.resize(rgb, 29, 20, Interpolation.BICUBIC));
        assertMatches("rgb.bilinear.6x17", PillowResampler.resize(rgb, 6, 17, Interpolation.BILINEAR));
        assertMatches("rgb.bicubic.box(1.5,2.25,11,8.5).7x5",
                PillowResampler.resize(rgb, 7, 5, Interpolation.BICUBIC, new Box(1.5f, 2.25f, 11f, 8.5f)));
        assertMatches("rgb.bilinear.box(0.3,0,12.7,9).13x9",
                PillowResampler.resize(rgb, 13, 9, Interpolation.BILINEAR, new Box(0.3f, 0f, 12.7f, 9f)));
        BufferedImage big = pattern(301, 217, false);
        assertMatches("big.bicubic.224x161", PillowResampler.resize(big, 224, 161, Interpolation.BICUBIC));
        assertMatches("big.bilinear.97x403", PillowResampler.resize(big, 97, 403, Interpolation.BILINEAR));
    }

    @Test
    void resizesRgbaPremultipliedLikePillow() {
        BufferedImage rgba = pattern(13, 9, true);
        BufferedImage out = PillowResampler.resize(rgba, 6, 5, Interpolation.BICUBIC);
        assertEquals(BufferedImage.TYPE_INT_ARGB, out.getType());
        assertMatches("rgba.bicubic.6x5", out);
        // Even an integer crop goes through premultiplication and back, which changes colours where alpha is low.
        assertMatches("rgba.bicubic.box(2,1,9,8).7x7",
                PillowResampler.resize(rgba, 7, 7, Interpolation.BICUBIC, new Box(2, 1, 9, 8)));
        assertMatches("bigrgba.bicubic.64x43", PillowResampler.resize(pattern(150, 100, true), 64, 43, Interpolation.BICUBIC));
    }

    @Test
    void resizesPaletteImagesWithNearestNeighbourLikePillow() {
        BufferedImage pal = palettePattern(13, 9);
        BufferedImage out = PillowResampler.resize(pal, 6, 4, Interpolation.BICUBIC);
        assertEquals(BufferedImage.TYPE_BYTE_INDEXED, out.getType());
        assertMatches("palette.bicubic.6x4", out);
        assertMatches("palette.bicubic.box(0.5,1,12,8.5).9x5",
                PillowResampler.resize(pal, 9, 5, Interpolation.BICUBIC, new Box(0.5f, 1f, 12f, 8.5f)));
    }

    @Test
    void rejectsBadArguments() {
        BufferedImage img = pattern(13, 9, false);
        assertThrows(IllegalArgumentException.class, () -> PillowResampler.resize(img, 0, 4, Interpolation.BICUBIC));
        assertThrows(IllegalArgumentException.class,
                () -> PillowResampler.resize(img, 4, 4, Interpolation.BICUBIC, new Box(0, 0, 14, 9)));
        assertThrows(IllegalArgumentException.class, () -> new Box(5, 0, 4, 9));
    }
}
