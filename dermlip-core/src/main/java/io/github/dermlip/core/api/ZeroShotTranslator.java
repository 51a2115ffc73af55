package io.github.dermlip.core.api;

import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.github.dermlip.core.image.InferenceTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * DJL translator from an {@link Image} to zero-shot {@link Classifications}, for a {@link ZeroShotBlock}.
 *
 * <p>Input: the image is preprocessed with the model's {@link InferenceTransform} ({@link DermLip#transform()}). An image
 * from DJL's default {@code BufferedImageFactory} is used as it is; any other is converted through its RGB pixels.
 * Note that DJL's {@code ImageFactory.fromFile} decodes with ImageIO, which may differ slightly from Pillow (and
 * so from {@link DermLip#encodeImages}); for exact open_clip parity wrap
 * {@link io.github.dermlip.core.image.ImageDecoder#decode(java.nio.file.Path)} with {@code ImageFactory.fromImage}.
 * Output: softmax of the block's logits, one probability per class name. Batches are stacked (DJL's default
 * batchifier), so {@code Predictor.batchPredict} runs one forward pass per batch. Stateless and thread-safe.
 */
public final class ZeroShotTranslator implements Translator<Image, Classifications> {
    private final InferenceTransform transform;
    private final List<String> classNames;

    /** A translator preprocessing with {@code transform} and naming the logits' columns {@code classNames}. */
    public ZeroShotTranslator(InferenceTransform transform, List<String> classNames) {
        this.transform = transform;
        this.classNames = List.copyOf(classNames);
    }

    /** The translator for a classifier built by {@code lip}. */
    public static ZeroShotTranslator of(DermLip lip, ZeroShotClassifier classifier) {
        return new ZeroShotTranslator(lip.transform(), classifier.classNames());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Image input) {
        NDManager manager = ctx.getNDManager();
        float[] chw = transform.apply(toBufferedImage(input, manager));
        int size = transform.outputSize();
        return new NDList(manager.create(chw, new Shape(3, size, size)));
    }

    @Override
    public Classifications processOutput(TranslatorContext ctx, NDList list) {
        float[] logits = list.singletonOrThrow().toFloatArray();
        if (logits.length != classNames.size()) {
            throw new IllegalStateException("the block gave " + logits.length + " logits for " + classNames.size()
                    + " class names");
        }
        return ZeroShotClassifier.toClassifications(classNames, logits);
    }

    /** The wrapped {@link BufferedImage}, or an RGB copy of the image's pixels for other image factories. */
    static BufferedImage toBufferedImage(Image image, NDManager manager) {
        if (image.getWrappedImage() instanceof BufferedImage buffered) {
            return buffered;
        }
        try (NDArray hwc = image.toNDArray(manager, Image.Flag.COLOR).toType(DataType.UINT8, false)) {
            Shape shape = hwc.getShape();
            int height = Math.toIntExact(shape.get(0));
            int width = Math.toIntExact(shape.get(1));
            byte[] rgb = hwc.toByteArray();
            int[] packed = new int[width * height];
            for (int i = 0; i < packed.length; i++) {
                packed[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
            }
            BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            out.setRGB(0, 0, width, height, packed, 0, width);
            return out;
        }
    }
}
