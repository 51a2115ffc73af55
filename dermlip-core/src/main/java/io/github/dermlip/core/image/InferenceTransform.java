package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * A model's deterministic inference preprocessing: open_clip's eval transform ({@link EvalTransform}) or Hugging
 * Face's {@code CLIPImageProcessor} ({@link ClipImageProcessor}), which differ in small ways that change pixels.
 */
public interface InferenceTransform extends ImageTransform {

    /** The normalized CHW input for an image, {@code 3 * outputSize() * outputSize()} floats. */
    float[] apply(BufferedImage image);

    /** {@link #apply(BufferedImage)}: no randomness is involved. */
    @Override
    default float[] apply(BufferedImage image, RandomGenerator rng) {
        return apply(image);
    }
}
