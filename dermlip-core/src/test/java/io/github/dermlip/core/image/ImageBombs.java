package io.github.dermlip.core.image;

import io.github.dermlip.core.SmallHeapJvm;

/**
 * The child side of {@link ImageLimitsTest}: every file named on the command line must be refused with an
 * {@link ImageDecodeException} naming it, within a few seconds, in a small heap.
 */
public final class ImageBombs {
    private ImageBombs() {}

    public static void main(String[] args) {
        SmallHeapJvm.expectRefusals(args, ImageDecoder::decode, ImageDecodeException.class, 5000);
    }
}
