package io.github.dermlip.spark;

import io.github.dermlip.core.image.ImageDecodeException;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.image.ImageLimits;
import io.github.dermlip.core.image.ImageTooLargeException;
import java.awt.image.BufferedImage;

/** Turns the bytes of one image into the image core's {@link ImageDecoder} gives, within core's {@link ImageLimits}. */
final class ImageBytes {
    private ImageBytes() {}

    /**
     * Decodes {@code bytes}; core checks the size in the header before the pixels are allocated.
     *
     * @param source the path, named in errors
     * @throws RowFailure {@link ErrorCause#TOO_LARGE} or {@link ErrorCause#CORRUPT}
     */
    static BufferedImage decode(byte[] bytes, String source, ImageLimits limits) throws RowFailure {
        try {
            return ImageDecoder.decode(bytes, source, limits);
        } catch (ImageDecodeException | RuntimeException e) {
            throw failure(source, e);
        }
    }

    /** Fails with {@link ErrorCause#TOO_LARGE} when a file of {@code length} bytes is over the limit. */
    static void requireFileBytes(String source, long length, ImageLimits limits) throws RowFailure {
        try {
            limits.requireFileBytes(source, length);
        } catch (ImageTooLargeException e) {
            throw failure(source, e);
        }
    }

    /** A refusal by the limits is {@link ErrorCause#TOO_LARGE}; any other decoding failure is {@link ErrorCause#CORRUPT}. */
    private static RowFailure failure(String source, Exception e) {
        ErrorCause cause = e instanceof ImageTooLargeException ? ErrorCause.TOO_LARGE : ErrorCause.CORRUPT;
        return new RowFailure(source, cause, String.valueOf(e.getMessage()));
    }
}
