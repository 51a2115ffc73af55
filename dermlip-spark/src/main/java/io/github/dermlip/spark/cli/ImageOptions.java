package io.github.dermlip.spark.cli;

import io.github.dermlip.core.image.ImageLimits;
import picocli.CommandLine.Option;

/** The size limits past which an image row gets a TOO_LARGE error. */
final class ImageOptions {
    /** Pillow's {@code Image.MAX_IMAGE_PIXELS}, where it starts to warn: a Spark job refuses rather than warns. */
    private static final String PILLOW_WARNING_PIXELS = "" + ImageLimits.PILLOW_MAX_PIXELS / 2;

    @Option(names = "--max-image-bytes", paramLabel = "N", defaultValue = "" + ImageLimits.DEFAULT_MAX_FILE_BYTES,
            description = "Largest image file read (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--max-image-pixels", paramLabel = "N", defaultValue = PILLOW_WARNING_PIXELS,
            description = "Largest width x height decoded (default: ${DEFAULT-VALUE}, Pillow's limit).")
    long maxPixels;

    /** The limits; the aspect ratio is core's default ({@code dermlip.image.maxAspectRatio}). */
    ImageLimits limits() {
        return new ImageLimits(maxPixels, ImageLimits.defaults().maxAspectRatio(), maxBytes);
    }
}
