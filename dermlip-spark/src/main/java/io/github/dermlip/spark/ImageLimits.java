package io.github.dermlip.spark;

import java.io.Serializable;

/**
 * The largest image a row may hold; larger ones get a {@link ErrorCause#TOO_LARGE} error instead of exhausting an
 * executor's heap.
 *
 * @param maxBytes largest file size read
 * @param maxPixels largest width times height decoded
 */
public record ImageLimits(long maxBytes, long maxPixels) implements Serializable {
    /** Pillow's {@code Image.MAX_IMAGE_PIXELS}, past which it warns of a decompression bomb. */
    public static final long PILLOW_MAX_PIXELS = 89_478_485L;
    /** The default largest file: 64 MiB, far above any clinical or dermoscopic photograph. */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    /** Checks both limits are positive. */
    public ImageLimits {
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("image limits must be positive, got " + maxBytes + " bytes and "
                    + maxPixels + " pixels");
        }
    }

    /** 64 MiB files and Pillow's pixel limit. */
    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_BYTES, PILLOW_MAX_PIXELS);
    }
}
