package io.github.dermlip.core.image;

import static io.github.dermlip.core.image.PillowReference.assertMatches;
import static io.github.dermlip.core.image.PillowReference.palettePattern;
import static io.github.dermlip.core.image.PillowReference.pattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dermlip.core.config.PreprocessConfig;
import io.github.dermlip.core.config.PreprocessConfig.Interpolation;
import io.github.dermlip.core.config.PreprocessConfig.ResizeMode;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class EvalTransformTest {

    private static EvalTransform transform(int size, Interpolation interpolation, ResizeMode mode, int fill) {
        return new EvalTransform(new PreprocessConfig(size, PreprocessConfig.OPENAI_MEAN, PreprocessConfig.OPENAI_STD,
                interpolation, mode, fill));
    }

    @Test
    void longestResizesTheLongSideAndPadsWithTheFillColour() {
        EvalTransform t = transform(8, Interpolation.BICUBIC, ResizeMode.LONGEST, 114);
        assertMatches("eval.longest.bicubic.fill114.rgb.8", t.fitToSquare(pattern(13, 9, false)));
        assertMatches("eval.longest.bicubic.fill114.rgba.8", t.fitToSquare(pattern(13, 9, true)));
        assertMatches("eval.longest.bilinear.fill7.palette.8",
                transform(8, Interpolation.BILINEAR, ResizeMode.LONGEST, 7).fitToSquare(palettePattern(13, 9)));
        assertMatches("eval.longest.bicubic.fill0.rgb.17",
                transform(17, Interpolation.BICUBIC, ResizeMode.LONGEST, 0).fitToSquare(pattern(13, 9, false)));
    }

    @Test
    void squashIgnoresTheAspectRatio() {
        assertMatches("eval.squash.bilinear.rgb.8",
                transform(8, Interpolation.BILINEAR, ResizeMode.SQUASH, 0).fitToSquare(pattern(13, 9, false)));
    }

    @Test
    void shortestKeepsPillowModesUntilAfterTheCrop() {
        assertMatches("eval.shortest.bicubic.palette.6",
                transform(6, Interpolation.BICUBIC, ResizeMode.SHORTEST, 0).fitToSquare(palettePattern(13, 9)));
        assertMatches("eval.shortest.bilinear.rgba.6",
                transform(6, Interpolation.BILINEAR, ResizeMode.SHORTEST, 0).fitToSquare(pattern(13, 9, true)));
    }

    @Test
    void shortestSideArithmeticFollowsTorchvision() {
        EvalTransform t = transform(32, Interpolation.BICUBIC, ResizeMode.SHORTEST, 0);
        // 45x70: short side 45 -> 32, long side int(32 * 70 / 45) = int(49.78) = 49; crop top round(17 / 2) = 8
        // (half to even). A 32x49 image is only cropped, so the result is rows 8..39 of it.
        BufferedImage tall = pattern(32, 49, false);
        BufferedImage out = t.fitToSquare(tall);
        assertEquals(PilImages.crop(tall, 0, 8, 32, 32).getRGB(5, 0), out.getRGB(5, 0));
        BufferedImage odd = pattern(32, 47, false);
        // (47 - 32) / 2 = 7.5 rounds half to even: 8.
        assertEquals(PilImages.crop(odd, 0, 8, 32, 32).getRGB(3, 3), t.fitToSquare(odd).getRGB(3, 3));
        BufferedImage odd2 = pattern(32, 45, false);
        // (45 - 32) / 2 = 6.5 rounds half to even: 6.
        assertEquals(PilImages.crop(odd2, 0, 6, 32, 32).getRGB(3, 3), t.fitToSquare(odd2).getRGB(3, 3));
    }

    @Test
    void applyNormalizesLikeTorch() {
        PreprocessConfig config = PreprocessConfig.defaults(4);
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 2, 0xFF8000);
        float[] x = new EvalTransform(config).apply(img, null);
        assertEquals(3 * 16, x.length);
        int at = 2 * 4 + 1;
        assertEquals((1f - 0.48145466f) / 0.26862954f, x[at]);
        assertEquals((128 / 255f - 0.4578275f) / 0.26130258f, x[16 + at]);
        assertEquals((0f - 0.40821073f) / 0.27577711f, x[32 + at]);
        assertEquals((0f - 0.48145466f) / 0.26862954f, x[0]);
    }
}
