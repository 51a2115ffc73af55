package io.github.dermlip.core.image;

import static io.github.dermlip.core.image.PillowReference.assertMatches;
import static io.github.dermlip.core.image.PillowReference.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PillowColorOpsTest {
    private final BufferedImage image = pattern(12, 8, false);

    @Test
    void lumaIsItuR601WithPillowsRounding() {
        assertEquals(255, PillowColorOps.luma(0xFFFFFF));
        assertEquals(0, PillowColorOps.luma(0));
        assertEquals(76, PillowColorOps.luma(0xFF0000), "255 * 0.299 = 76.2");
        assertEquals(150, PillowColorOps.luma(0x00FF00), "255 * 0.587 = 149.7");
        assertEquals(29, PillowColorOps.luma(0x0000FF), "255 * 0.114 = 29.1");
    }

    @Test
    void blendTruncatesAndClipsOnlyWhenExtrapolating() {
        assertEquals(63, PillowColorOps.blend(0, 100, 0.635f), "63.5 truncates");
        assertEquals(255, PillowColorOps.blend(0, 200, 1.5f));
        assertEquals(0, PillowColorOps.blend(100, 10, 2f), "100 + 2 * (10 - 100) = -80 clips");
        assertEquals(37, PillowColorOps.blend(37, 200, 0f));
    }

    @Test
    void hsvRoundTripKeepsGreyAndPureColours() {
        for (int rgb : new int[] {0x000000, 0x808080, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF}) {
            int hsv = PillowColorOps.rgbToHsv(rgb);
            assertEquals(rgb, PillowColorOps.hsvToRgb(hsv >> 16, hsv >> 8 & 0xFF, hsv & 0xFF), Integer.toHexString(rgb));
        }
        assertEquals(85 << 16 | 255 << 8 | 255, PillowColorOps.rgbToHsv(0x00FF00), "green: hue 1/3 of 255");
    }

    @Test
    void matchesPillowEnhanceAndTorchvisionHue() {
        assertMatches("brightness.0.63", PillowColorOps.brightness(image, 0.63));
        assertMatches("brightness.1.37", PillowColorOps.brightness(image, 1.37));
        assertMatches("contrast.0.5", PillowColorOps.contrast(image, 0.5));
        assertMatches("contrast.1.8", PillowColorOps.contrast(image, 1.8));
        assertMatches("saturation.0.2", PillowColorOps.saturation(image, 0.2));
        assertMatches("saturation.1.9", PillowColorOps.saturation(image, 1.9));
        assertMatches("hue.-0.31", PillowColorOps.hue(image, -0.31));
        assertMatches("hue.0.12", PillowColorOps.hue(image, 0.12));
        assertMatches("hue.0.5", PillowColorOps.hue(image, 0.5));
        assertMatches("grayscale", PillowColorOps.grayscale(image));
    }

    @Test
    void factorOneChangesNothingAndInputIsUntouched() {
        int[] before = PilImages.ints(image).clone();
        assertArrayEquals(before, PilImages.ints(PillowColorOps.brightness(image, 1.0)));
        assertArrayEquals(before, PilImages.ints(PillowColorOps.contrast(image, 1.0)));
        assertArrayEquals(before, PilImages.ints(PillowColorOps.saturation(image, 1.0)));
        PillowColorOps.hue(image, 0.3);
        assertArrayEquals(before, PilImages.ints(image));
        assertThrows(IllegalArgumentException.class, () -> PillowColorOps.hue(image, 0.6));
    }
}
