package io.github.dermlip.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an image file may ask of the decoder, checked from its header before any pixel is decoded, so that a
 * small hostile file (a decompression bomb, a 1-pixel-wide strip, a device or an endless file) fails with an
 * error naming the file instead of exhausting the heap.
 *
 * <p>The defaults follow Pillow: {@code Image.MAX_IMAGE_PIXELS} is 89,478,485; above it Pillow warns, above twice
 * that it refuses the image. Each default can be changed with a system property:
 * {@code dermlip.image.maxPixels} (the refusal bound, default 178,956,970), {@code dermlip.image.maxAspectRatio}
 * (longest over shortest side, default 100: a shortest-side resize of a 1 x 100,000 strip to 224 would ask for
 * 224 x 22.4 M pixels) and {@code dermlip.image.maxFileBytes} (bytes read from one file, default 64 MiB).
 *
 * @param maxPixels width times height above which an image is refused (a warning is logged above half of it)
 * @param maxAspectRatio longest side over shortest side above which an image is refused
 * @param maxFileBytes bytes above which a file is refused without being read further
 * @see ImageTooLargeException what every refusal throws
 */
public record ImageLimits(long maxPixels, double maxAspectRatio, long maxFileBytes) implements Serializable {
    /** Pillow's {@code 2 * Image.MAX_IMAGE_PIXELS}. */
    public static final long PILLOW_MAX_PIXELS = 2L * (1024 * 1024 * 1024 / 4 / 3);
    /** The default largest file: 64 MiB, far above any clinical or dermoscopic photograph. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L << 20;
    private static final System.Logger LOG = System.getLogger(ImageLimits.class.getName());

    /** Checks that every limit is positive. */
    public ImageLimits {
        if (maxPixels <= 0 || !(maxAspectRatio >= 1) || maxFileBytes <= 0) {
            throw new IllegalArgumentException("image limits must be positive (aspect ratio at least 1), found "
                    + maxPixels + " pixels, ratio " + maxAspectRatio + ", " + maxFileBytes + " bytes");
        }
    }

    /** The defaults, or the values of the {@code dermlip.image.*} system properties where set. */
    public static ImageLimits defaults() {
        return new ImageLimits(Long.getLong("dermlip.image.maxPixels", PILLOW_MAX_PIXELS),
                Double.parseDouble(System.getProperty("dermlip.image.maxAspectRatio", "100")),
                Long.getLong("dermlip.image.maxFileBytes", DEFAULT_MAX_FILE_BYTES));
    }

    /** Fails unless an image of {@code width x height}, read from {@code source}'s header, may be decoded. */
    public void requireDimensions(String source, int width, int height) throws ImageDecodeException {
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException(source + ": header gives the image a size of " + width + " x " + height);
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageTooLargeException(source + ": image of " + width + " x " + height + " = " + pixels
                    + " pixels exceeds the limit of " + maxPixels + " (decompression bomb?); see dermlip.image.maxPixels");
        }
        double ratio = (double) Math.max(width, height) / Math.min(width, height);
        if (ratio > maxAspectRatio) {
            throw new ImageTooLargeException(source + ": image of " + width + " x " + height + " has an aspect ratio of "
                    + Math.round(ratio) + ":1, more than the limit of " + maxAspectRatio
                    + "; see dermlip.image.maxAspectRatio");
        }
        if (pixels > maxPixels / 2) {
            LOG.log(System.Logger.Level.WARNING, source + ": image of " + width + " x " + height + " = " + pixels
                    + " pixels is more than half the limit of " + maxPixels + " (possible decompression bomb)");
        }
    }

    /** Fails when {@code length} bytes from {@code source} are more than {@link #maxFileBytes}. */
    public void requireFileBytes(String source, long length) throws ImageTooLargeException {
        if (length > maxFileBytes) {
            throw tooLarge(source, "is " + length + " bytes");
        }
    }

    /** The bytes of {@code file}, reading at most {@link #maxFileBytes} + 1 of them (a device or endless file is refused). */
    public byte[] readFile(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            requireFileBytes(file.toString(), Files.size(file));
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                throw tooLarge(file.toString(), "holds more than " + maxFileBytes + " bytes");
            }
            return bytes;
        }
    }

    private ImageTooLargeException tooLarge(String source, String what) {
        return new ImageTooLargeException(source + ": " + what + ", more than the limit of " + maxFileBytes
                + " bytes for one image; see dermlip.image.maxFileBytes");
    }
}
