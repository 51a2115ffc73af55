package io.github.dermlip.train.data;

import io.github.dermlip.core.image.ImageTransform;
import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * A simple test transform: nearest-neighbour resize to a square, scaling to [-1, 1]; with augmentation, a
 * random horizontal flip and a random brightness shift, both drawn from the generator it is given.
 */
final class NearestResizeTransform implements ImageTransform {
    private final int size;
    private final boolean augment;

    NearestResizeTransform(int size, boolean augment) {
        this.size = size;
        this.augment = augment;
    }

    @Override
    public float[] apply(BufferedImage rgb, RandomGenerator rng) {
        boolean flip = augment && rng.nextBoolean();
        float shift = augment ? rng.nextFloat() * 0.2f - 0.1f : 0f;
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int plane = size * size;
        float[] out = new float[3 * plane];
        for (int y = 0; y < size; y++) {
            int sy = y * height / size;
            for (int x = 0; x < size; x++) {
                int sx = x * width / size;
                int pixel = rgb.getRGB(flip ? width - 1 - sx : sx, sy);
                int at = y * size + x;
                out[at] = ((pixel >> 16) & 0xFF) / 127.5f - 1f + shift;
                out[plane + at] = ((pixel >> 8) & 0xFF) / 127.5f - 1f + shift;
                out[2 * plane + at] = (pixel & 0xFF) / 127.5f - 1f + shift;
            }
        }
        return out;
    }

    @Override
    public int outputSize() {
        return size;
    }
}
