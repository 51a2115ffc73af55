package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.dermlip.core.config.PreprocessConfig.Interpolation;
import io.github.dermlip.core.config.PreprocessConfig.ResizeMode;
import io.github.dermlip.core.config.PreprocessConfig;
import io.github.dermlip.core.image.AugmentationConfig;
import io.github.dermlip.core.image.ColorJitterConfig;
import io.github.dermlip.core.image.EvalTransform;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.image.TrainTransform;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Training converts RGBA and palette images to RGB where open_clip does, after the crop and resize. With a crop
 * that always takes the whole square image (scale and ratio 1), training's view must equal the eval path's
 * bicubic squash of the same decoded image, which the fixture tests prove against Pillow; converting before the
 * resize (the old order) gives another tensor.
 */
class TrainImageParityTest {
    private static final int SIZE = 16;
    private static final PreprocessConfig PREPROCESS = new PreprocessConfig(SIZE, PreprocessConfig.OPENAI_MEAN,
            PreprocessConfig.OPENAI_STD, Interpolation.BICUBIC, ResizeMode.SQUASH, 0);
    private static final AugmentationConfig WHOLE_IMAGE =
            new AugmentationConfig(1, 1, 1, 1, ColorJitterConfig.NONE, 0, 0);

    @Test
    void rgbaIsResampledWithItsAlphaBeforeTheConversion() throws IOException {
        BufferedImage rgba = new BufferedImage(37, 37, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 37; y++) {
            for (int x = 0; x < 37; x++) {
                int alpha = (x * 7 + y * 3) % 256;
                rgba.setRGB(x, y, alpha << 24 | (x * 6) << 16 | (y * 6) << 8 | ((x + y) * 3));
            }
        }
        checkParity(png(rgba));
    }

    @Test
    void aPaletteImageIsResampledAsAPaletteImage() throws IOException {
        byte[] r = new byte[16];
        byte[] g = new byte[16];
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            r[i] = (byte) (i * 16);
            g[i] = (byte) (255 - i * 16);
            b[i] = (byte) (i % 2 == 0 ? 0 : 255);
        }
        BufferedImage palette = new BufferedImage(41, 41, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(4, 16, r, g, b));
        for (int y = 0; y < 41; y++) {
            for (int x = 0; x < 41; x++) {
                palette.getRaster().setSample(x, y, 0, (x / 3 + y / 5) % 16);
            }
        }
        checkParity(png(palette));
    }

    private static void checkParity(byte[] png) throws IOException {
        float[] training = new TrainTransform(PREPROCESS, WHOLE_IMAGE)
                .apply(StandardComponents.DECODER.decode(png, "image.png"), new SplittableRandom(1));
        float[] expected = new EvalTransform(PREPROCESS).apply(ImageDecoder.decode(png, "image.png"));
        assertArrayEquals(expected, training);
        float[] convertedFirst = new TrainTransform(PREPROCESS, WHOLE_IMAGE)
                .apply(ImageDecoder.decodeRgb(png, "image.png"), new SplittableRandom(1));
        assertFalse(Arrays.equals(expected, convertedFirst), "the order of conversion and resize matters here");
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
