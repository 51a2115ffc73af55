package io.github.dermlip.core.image;

import static io.github.dermlip.core.image.PillowReference.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.config.PreprocessConfig;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainTransformTest {
    private static final PreprocessConfig PRE = PreprocessConfig.defaults(24);
    private final BufferedImage image = pattern(61, 43, false);

    @Test
    void sameSeedSameOutputOtherSeedOtherOutput() {
        AugmentationConfig aug = AugmentationConfig.DEFAULT.withScale(0.3, 1.0)
                .withColorJitter(new ColorJitterConfig(0.4, 0.4, 0.4, 0.1), 0.8).withGrayscale(0.2);
        TrainTransform t = new TrainTransform(PRE, aug);
        float[] a = t.apply(image, new SplittableRandom(42));
        float[] b = t.apply(image, new SplittableRandom(42));
        float[] c = t.apply(image, new SplittableRandom(43));
        assertEquals(3 * 24 * 24, a.length);
        assertEquals(24, t.outputSize());
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void fullSquareCropEqualsTheEvalTransform() {
        BufferedImage square = pattern(50, 50, false);
        AugmentationConfig aug = AugmentationConfig.DEFAULT.withScale(1, 1).withRatio(1, 1);
        float[] train = new TrainTransform(PRE, aug).apply(square, new SplittableRandom(7));
        float[] eval = new EvalTransform(PRE).apply(square);
        assertArrayEquals(eval, train);
        BufferedImage rgba = pattern(50, 50, true);
        assertArrayEquals(new EvalTransform(PRE).apply(rgba), new TrainTransform(PRE, aug).apply(rgba, new SplittableRandom(1)));
    }

    @Test
    void cropsRespectScaleAndRatioBounds() {
        AugmentationConfig aug = AugmentationConfig.DEFAULT.withScale(0.25, 0.5).withRatio(0.5, 2.0);
        SplittableRandom rng = new SplittableRandom(5);
        int w = 400;
        int h = 300;
        for (int i = 0; i < 2000; i++) {
            RandomResizedCrop.Crop c = RandomResizedCrop.sample(w, h, aug, rng);
            assertTrue(c.left() >= 0 && c.top() >= 0 && c.left() + c.width() <= w && c.top() + c.height() <= h, c.toString());
            // Sides are rounded, so some unrounded sides within half a pixel must satisfy the bounds.
            double wMin = c.width() - 0.5;
            double wMax = c.width() + 0.5;
            double hMin = c.height() - 0.5;
            double hMax = c.height() + 0.5;
            assertTrue(wMax * hMax >= 0.25 * w * h && wMin * hMin <= 0.5 * w * h, "area of " + c);
            assertTrue(wMax / hMin >= 0.5 && wMin / hMax <= 2.0, "aspect ratio of " + c);
        }
    }

    @Test
    void impossibleCropsFallBackToACentredCrop() {
        // Square crops of 90-100% of a 100x10 image never fit, so torchvision's fallback applies: the image
        // is wider than the largest ratio (1), so height 10, width round(10 * 1) = 10, centred.
        AugmentationConfig aug = AugmentationConfig.DEFAULT.withRatio(1, 1);
        RandomResizedCrop.Crop c = RandomResizedCrop.sample(100, 10, aug, new SplittableRandom(9));
        assertEquals(new RandomResizedCrop.Crop(45, 0, 10, 10), c);
    }

    @Test
    void grayscaleWithCertaintyGivesEqualChannels() {
        TrainTransform t = new TrainTransform(PRE, AugmentationConfig.DEFAULT.withGrayscale(1.0));
        BufferedImage out = t.augment(image, new SplittableRandom(3));
        for (int p : PilImages.ints(out)) {
            assertEquals(p >> 16 & 0xFF, p & 0xFF);
            assertEquals(p >> 8 & 0xFF, p & 0xFF);
        }
    }

    @Test
    void jitterAppliesOnlyWithItsProbability() {
        ColorJitterConfig jitter = new ColorJitterConfig(0.5, 0, 0, 0);
        TrainTransform never = new TrainTransform(PRE, AugmentationConfig.DEFAULT.withColorJitter(jitter, 0));
        TrainTransform plain = new TrainTransform(PRE, AugmentationConfig.DEFAULT);
        TrainTransform always = new TrainTransform(PRE, AugmentationConfig.DEFAULT.withColorJitter(jitter, 1));
        assertArrayEquals(plain.apply(image, new SplittableRandom(11)), never.apply(image, new SplittableRandom(11)));
        BufferedImage base = plain.augment(image, new SplittableRandom(11));
        BufferedImage jittered = always.augment(image, new SplittableRandom(11));
        // Same crop (drawn first), then brightness only: every channel is scaled by one factor in [0.5, 1.5].
        assertFalse(Arrays.equals(PilImages.ints(base), PilImages.ints(jittered)));
        double ratioMin = Double.MAX_VALUE;
        double ratioMax = 0;
        int[] b = PilImages.ints(base);
        int[] j = PilImages.ints(jittered);
        for (int i = 0; i < b.length; i++) {
            int v = b[i] >> 8 & 0xFF;
            if (v > 100 && (j[i] >> 8 & 0xFF) < 255) {
                double r = (j[i] >> 8 & 0xFF) / (double) v;
                ratioMin = Math.min(ratioMin, r);
                ratioMax = Math.max(ratioMax, r);
            }
        }
        assertTrue(ratioMin >= 0.5 - 0.01 && ratioMax <= 1.5, ratioMin + ".." + ratioMax);
        assertTrue(ratioMax - ratioMin < 0.02, "one factor for all pixels: " + ratioMin + ".." + ratioMax);
    }

    @Test
    void configValidationNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AugmentationConfig.DEFAULT.withScale(0.8, 0.5));
        assertTrue(e.getMessage().contains("scale"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AugmentationConfig.DEFAULT.withGrayscale(1.5));
        assertTrue(e.getMessage().contains("grayscaleProb"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ColorJitterConfig(0, 0, 0, 0.7));
        assertTrue(e.getMessage().contains("hue"), e.getMessage());
    }
}
