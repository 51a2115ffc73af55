package io.github.dermlip.synth;

import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.lesion.LesionAttributes;
import io.github.dermlip.synth.lesion.LesionColour;
import io.github.dermlip.synth.lesion.LesionSize;
import io.github.dermlip.synth.lesion.Modality;
import io.github.dermlip.synth.lesion.SkinSample;
import io.github.dermlip.synth.lesion.SkinTone;
import io.github.dermlip.synth.render.SkinImageRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each attribute visibly changes the picture in the expected direction, measured with simple pixel statistics
 * averaged over many render seeds: the same lesion with and without the attribute.
 */
class SkinImageRendererTest {

    private static final int SIZE = 64;
    private static final int SEEDS = 24;
    private static final SkinImageRenderer RENDERER = new SkinImageRenderer(SIZE);

    /** A plain, brown, symmetric, regular, medium dermoscopic lesion on type III skin, with nothing else. */
    private static final LesionAttributes PLAIN = attributes(EnumSet.of(LesionColour.BROWN), false, false,
            LesionSize.MEDIUM, false, false, false, false, false);

    @Test
    void blackBlotchesAddDarkPixels() {
        LesionAttributes black = attributes(EnumSet.of(LesionColour.BROWN, LesionColour.BLACK), false, false,
                LesionSize.MEDIUM, false, false, false, false, false);
        assertRaises(PLAIN, black, img -> centralFraction(img, (r, g, b) -> luma(r, g, b) < 60), 0.03);
    }

    @Test
    void whiteAreasAndScaleAddBrightPixels() {
        LesionAttributes white = attributes(EnumSet.of(LesionColour.BROWN, LesionColour.WHITE), false, false,
                LesionSize.MEDIUM, false, false, false, false, false);
        LesionAttributes scale = attributes(EnumSet.of(LesionColour.BROWN), false, false, LesionSize.MEDIUM,
                true, false, false, false, false);
        ToDoubleFunction<BufferedImage> bright = img -> centralFraction(img, (r, g, b) -> luma(r, g, b) > 200);
        assertRaises(PLAIN, white, bright, 0.03);
        assertRaises(PLAIN, scale, bright, 0.02);
    }

    @Test
    void redColourAndVesselsAddRedPixels() {
        LesionAttributes red = attributes(EnumSet.of(LesionColour.BROWN, LesionColour.RED), false, false,
                LesionSize.MEDIUM, false, false, false, false, false);
        LesionAttributes vessels = attributes(EnumSet.of(LesionColour.BROWN), false, false, LesionSize.MEDIUM,
                false, false, false, true, false);
        ToDoubleFunction<BufferedImage> reddish = img -> centralFraction(img, (r, g, b) -> r > g + 70 && r > b + 60);
        assertRaises(PLAIN, red, reddish, 0.03);
        assertRaises(PLAIN, vessels, reddish, 0.01);
    }

    @Test
    void blueGreyAddsBluishPixels() {
        LesionAttributes blue = attributes(EnumSet.of(LesionColour.BROWN, LesionColour.BLUE_GREY), false, false,
                LesionSize.MEDIUM, false, false, false, false, false);
        assertRaises(PLAIN, blue, img -> centralFraction(img, (r, g, b) -> b > r + 8), 0.03);
    }

    @Test
    void crustAddsYellowPixels() {
        LesionAttributes crust = attributes(EnumSet.of(LesionColour.BROWN), false, false, LesionSize.MEDIUM,
                false, true, false, false, false);
        assertRaises(PLAIN, crust, img -> centralFraction(img, (r, g, b) -> g > b + 60 && r > b + 90), 0.01);
    }

    @Test
    void networkAndDotsAddFineTexture() {
        LesionAttributes network = attributes(EnumSet.of(LesionColour.BROWN), false, false, LesionSize.MEDIUM,
                false, false, false, false, true);
        LesionAttributes dots = attributes(EnumSet.of(LesionColour.BROWN), false, false, LesionSize.MEDIUM,
                false, false, true, false, false);
        assertRaises(PLAIN, network, SkinImageRendererTest::lesionTexture, 1.5);
        assertRaises(PLAIN, dots, SkinImageRendererTest::lesionTexture, 1.0);
    }

    @Test
    void largerLesionsCoverMoreSkin() {
        double[] area = new double[LesionSize.values().length];
        for (LesionSize size : LesionSize.values()) {
            LesionAttributes a = attributes(EnumSet.of(LesionColour.BROWN), false, false, size, false, false,
                    false, false, false);
            area[size.ordinal()] = mean(a, Modality.DERMOSCOPIC, SkinTone.III, SkinImageRendererTest::lesionArea);
        }
        assertTrue(area[0] * 1.5 < area[1] && area[1] * 1.4 < area[2], "lesion areas " + Arrays.toString(area));
    }

    @Test
    void asymmetricLesionsAreLessPointSymmetric() {
        LesionAttributes asymmetric = attributes(EnumSet.of(LesionColour.BROWN), false, true, LesionSize.MEDIUM,
                false, false, false, false, false);
        assertRaises(PLAIN, asymmetric, SkinImageRendererTest::maskAsymmetry, 0.05);
    }

    @Test
    void irregularBordersMakeTheLesionLessConvex() {
        LesionAttributes irregular = attributes(EnumSet.of(LesionColour.BROWN), true, false, LesionSize.MEDIUM,
                false, false, false, false, false);
        assertRaises(PLAIN, irregular, SkinImageRendererTest::convexityDeficit, 0.03);
    }

    @Test
    void dermoscopicImagesHaveDarkCornersAndClinicalOnesDoNot() {
        double dermoscopic = mean(PLAIN, Modality.DERMOSCOPIC, SkinTone.II, SkinImageRendererTest::cornerLuma);
        double clinical = mean(PLAIN, Modality.CLINICAL, SkinTone.II, SkinImageRendererTest::cornerLuma);
        assertTrue(dermoscopic < 30 && clinical > 120, "corner luma " + dermoscopic + " vs " + clinical);
    }

    @Test
    void skinGetsDarkerFromTypeOneToSix() {
        double previous = Double.MAX_VALUE;
        for (SkinTone tone : SkinTone.values()) {
            double skin = mean(PLAIN, Modality.CLINICAL, tone, SkinImageRendererTest::cornerLuma);
            assertTrue(skin < previous - 10, tone + " skin luma " + skin + " not below " + previous);
            previous = skin;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 128, 256})
    void rendersRequestedSizeDeterministically(int size) {
        SkinImageRenderer renderer = new SkinImageRenderer(size);
        SkinSample sample = sample(PLAIN, Modality.DERMOSCOPIC, SkinTone.IV, 5);
        BufferedImage a = renderer.render(sample);
        BufferedImage b = renderer.render(sample);
        assertEquals(size, a.getWidth());
        assertEquals(size, a.getHeight());
        assertEquals(BufferedImage.TYPE_INT_RGB, a.getType());
        assertArrayEquals(pixels(a), pixels(b));
        assertFalse(Arrays.equals(pixels(a), pixels(renderer.render(sample(PLAIN, Modality.DERMOSCOPIC,
                SkinTone.IV, 6)))));
    }

    @Test
    void rejectsUnsupportedSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SkinImageRenderer(8));
        assertTrue(e.getMessage().contains("8"), e.getMessage());
    }

    private interface PixelTest {
        boolean test(int r, int g, int b);
    }

    private static void assertRaises(LesionAttributes base, LesionAttributes variant,
                                     ToDoubleFunction<BufferedImage> metric, double margin) {
        double without = mean(base, Modality.DERMOSCOPIC, SkinTone.III, metric);
        double with = mean(variant, Modality.DERMOSCOPIC, SkinTone.III, metric);
        assertTrue(with > without + margin, "metric " + with + " with " + variant + " vs " + without + " without");
    }

    private static double mean(LesionAttributes a, Modality modality, SkinTone tone,
                               ToDoubleFunction<BufferedImage> metric) {
        double sum = 0.0;
        for (int seed = 0; seed < SEEDS; seed++) {
            sum += metric.applyAsDouble(RENDERER.render(sample(a, modality, tone, seed)));
        }
        return sum / SEEDS;
    }

    private static SkinSample sample(LesionAttributes a, Modality modality, SkinTone tone, long seed) {
        return new SkinSample(Diagnosis.NEVUS, tone, modality, a, SampleSeeds.of(77, DatasetSplit.PRETRAIN,
                (int) seed), 0L);
    }

    private static LesionAttributes attributes(EnumSet<LesionColour> colours, boolean irregular, boolean asymmetric,
                                               LesionSize size, boolean scale, boolean crust, boolean dots,
                                               boolean vessels, boolean network) {
        return new LesionAttributes(colours, irregular, asymmetric, size, scale, crust, dots, vessels, network);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static double luma(int r, int g, int b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    /** Fraction of the pixels within 0.4 of the side from the centre that pass {@code test}. */
    private static double centralFraction(BufferedImage image, PixelTest test) {
        int[] p = pixels(image);
        int inside = 0;
        int hits = 0;
        for (int i = 0; i < p.length; i++) {
            if (!central(i)) {
                continue;
            }
            inside++;
            if (test.test((p[i] >> 16) & 0xFF, (p[i] >> 8) & 0xFF, p[i] & 0xFF)) {
                hits++;
            }
        }
        return (double) hits / inside;
    }

    private static boolean central(int i) {
        double dx = i % SIZE + 0.5 - SIZE / 2.0;
        double dy = i / SIZE + 0.5 - SIZE / 2.0;
        return dx * dx + dy * dy <= 0.16 * SIZE * SIZE;
    }

    /** Lesion mask: central pixels darker than 80% of the median central luma (the skin). */
    private static boolean[] lesionMask(BufferedImage image) {
        int[] p = pixels(image);
        double[] luma = new double[p.length];
        double[] central = new double[p.length];
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            luma[i] = luma((p[i] >> 16) & 0xFF, (p[i] >> 8) & 0xFF, p[i] & 0xFF);
            if (central(i)) {
                central[n++] = luma[i];
            }
        }
        double[] sorted = Arrays.copyOf(central, n);
        Arrays.sort(sorted);
        double skin = sorted[n * 3 / 4];
        boolean[] mask = new boolean[p.length];
        for (int i = 0; i < p.length; i++) {
            mask[i] = central(i) && luma[i] < 0.8 * skin;
        }
        return mask;
    }

    private static double lesionArea(BufferedImage image) {
        int area = 0;
        for (boolean m : lesionMask(image)) {
            area += m ? 1 : 0;
        }
        return area;
    }

    /** Mean absolute luma difference between horizontal neighbours inside the lesion. */
    private static double lesionTexture(BufferedImage image) {
        boolean[] mask = lesionMask(image);
        int[] p = pixels(image);
        double sum = 0.0;
        int n = 0;
        for (int i = 0; i + 1 < p.length; i++) {
            if (mask[i] && mask[i + 1] && (i + 1) % SIZE != 0) {
                sum += Math.abs(luma((p[i] >> 16) & 0xFF, (p[i] >> 8) & 0xFF, p[i] & 0xFF)
                        - luma((p[i + 1] >> 16) & 0xFF, (p[i + 1] >> 8) & 0xFF, p[i + 1] & 0xFF));
                n++;
            }
        }
        return n == 0 ? 0.0 : sum / n;
    }

    /** Fraction of the mask not covered by its reflection through the mask's centroid. */
    private static double maskAsymmetry(BufferedImage image) {
        boolean[] mask = lesionMask(image);
        double cx = 0;
        double cy = 0;
        int area = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                cx += i % SIZE;
                cy += i / SIZE;
                area++;
            }
        }
        if (area == 0) {
            return 0.0;
        }
        cx /= area;
        cy /= area;
        int unmatched = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                int x = (int) Math.round(2 * cx - i % SIZE);
                int y = (int) Math.round(2 * cy - i / SIZE);
                if (x < 0 || y < 0 || x >= SIZE || y >= SIZE || !mask[y * SIZE + x]) {
                    unmatched++;
                }
            }
        }
        return (double) unmatched / area;
    }

    /** One minus the solidity: the share of the mask's convex hull (over pixel centres) that the mask leaves empty. */
    private static double convexityDeficit(BufferedImage image) {
        boolean[] mask = lesionMask(image);
        List<int[]> points = new ArrayList<>();
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                points.add(new int[] {i % SIZE, i / SIZE});
            }
        }
        if (points.size() < 3) {
            return 0.0;
        }
        points.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
        int[][] hull = new int[2 * points.size()][];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int start = k;
            for (int j = 0; j < points.size(); j++) {
                int[] p = points.get(pass == 0 ? j : points.size() - 1 - j);
                while (k >= start + 2 && cross(hull[k - 2], hull[k - 1], p) <= 0) {
                    k--;
                }
                hull[k++] = p;
            }
            k--;
        }
        double twiceArea = 0.0;
        for (int i = 0; i < k; i++) {
            int[] a = hull[i];
            int[] b = hull[(i + 1) % k];
            twiceArea += (double) a[0] * b[1] - (double) b[0] * a[1];
        }
        // Pixel centres' hull misses half a pixel all round; add half the hull perimeter to compare like with like.
        double perimeter = 0.0;
        for (int i = 0; i < k; i++) {
            int[] a = hull[i];
            int[] b = hull[(i + 1) % k];
            perimeter += Math.hypot(a[0] - b[0], a[1] - b[1]);
        }
        double hullArea = Math.abs(twiceArea) / 2 + perimeter / 2 + 1;
        return Math.max(0.0, 1.0 - points.size() / hullArea);
    }

    private static long cross(int[] o, int[] a, int[] b) {
        return (long) (a[0] - o[0]) * (b[1] - o[1]) - (long) (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** Mean luma of the four 6x6 corner patches. */
    private static double cornerLuma(BufferedImage image) {
        double sum = 0.0;
        int n = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean corner = (x < 6 || x >= SIZE - 6) && (y < 6 || y >= SIZE - 6);
                if (corner) {
                    int p = image.getRGB(x, y);
                    sum += luma((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
                    n++;
                }
            }
        }
        return sum / n;
    }
}
