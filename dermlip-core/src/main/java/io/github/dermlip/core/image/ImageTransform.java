package io.github.dermlip.core.image;

import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * Turns a decoded RGB image into a model input: a float array in CHW order, {@code 3 * size * size} long,
 * already normalized with the model's mean and std.
 *
 * <p>Implementations are stateless and thread-safe; all randomness comes from the generator passed in, so
 * a training sample's augmentation depends only on the seed it was given, never on the thread that ran it.
 */
public interface ImageTransform {

    /** Transforms one image; deterministic transforms ignore {@code rng}. */
    float[] apply(BufferedImage rgb, RandomGenerator rng);

    /** Side of the square output in pixels. */
    int outputSize();
}
