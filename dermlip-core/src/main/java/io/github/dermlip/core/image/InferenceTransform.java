package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A model's deterministic inference preprocessing: fit the image to an 8-bit RGB square (each subclass's own rule),
 * then {@code (x / 255 - mean) / std} in float32, laid out CHW. open_clip's eval transform ({@link EvalTransform}) and
 * Hugging Face's {@code CLIPImageProcessor} ({@link ClipImageProcessor}) differ only in the fitting.
 */
public abstract class InferenceTransform implements ImageTransform {
    private final ChwNormalizer normalizer;

    /** A transform normalizing with these per-channel means and standard deviations. */
    protected InferenceTransform(List<Double> mean, List<Double> std) {
        this.normalizer = new ChwNormalizer(mean, std);
    }

    /** The {@code outputSize() x outputSize()} 8-bit RGB ({@code TYPE_INT_RGB}) image the tensor is made from. */
    public abstract BufferedImage fitToSquare(BufferedImage image);

    /** The normalized CHW input for an image, {@code 3 * outputSize() * outputSize()} floats. */
    public final float[] apply(BufferedImage image) {
        return normalizer.toChw(fitToSquare(image));
    }

    /** {@link #apply(BufferedImage)}: no randomness is involved. */
    @Override
    public final float[] apply(BufferedImage image, RandomGenerator rng) {
        return apply(image);
    }
}
