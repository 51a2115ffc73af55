package io.github.dermlip.spark;

import io.github.dermlip.core.image.ImageDecodeException;
import io.github.dermlip.core.image.ImageDecoder;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Turns the bytes of one image into the image core's {@link ImageDecoder} gives, within {@link ImageLimits}. */
final class ImageBytes {
    private ImageBytes() {}

    /**
     * Decodes {@code bytes}, checking the size in the header before the pixels are allocated.
     *
     * @param source the path, named in errors
     * @throws RowFailure {@link ErrorCause#TOO_LARGE} or {@link ErrorCause#CORRUPT}
     */
    static BufferedImage decode(byte[] bytes, String source, ImageLimits limits) throws RowFailure {
        if (bytes.length > limits.maxBytes()) {
            throw tooManyBytes(source, bytes.length, limits);
        }
        long pixels = headerPixels(bytes);
        if (pixels > limits.maxPixels()) {
            throw new RowFailure(source, ErrorCause.TOO_LARGE, pixels + " pixels, more than the limit of "
                    + limits.maxPixels());
        }
        try {
            return ImageDecoder.decode(bytes, source);
        } catch (ImageDecodeException | RuntimeException e) {
            throw new RowFailure(source, ErrorCause.CORRUPT, String.valueOf(e.getMessage()));
        }
    }

    /** The error for a file over the byte limit. */
    static RowFailure tooManyBytes(String source, long length, ImageLimits limits) {
        return new RowFailure(source, ErrorCause.TOO_LARGE, length + " bytes, more than the limit of "
                + limits.maxBytes());
    }

    /** Width times height from the header, or 0 when no reader knows the format (decoding then reports it). */
    private static long headerPixels(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
