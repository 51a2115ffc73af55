package io.github.dermlip.spark.cli;

import io.github.dermlip.spark.ImageLimits;
import picocli.CommandLine.Option;

/** The size limits past which an image row gets a TOO_LARGE error. */
final class ImageOptions {
    @Option(names = "--max-image-bytes", paramLabel = "N", defaultValue = "" + ImageLimits.DEFAULT_MAX_BYTES,
            description = "Largest image file read (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(names = "--max-image-pixels", paramLabel = "N", defaultValue = "" + ImageLimits.PILLOW_MAX_PIXELS,
            description = "Largest width x height decoded (default: ${DEFAULT-VALUE}, Pillow's limit).")
    long maxPixels;

    /** The limits. */
    ImageLimits limits() {
        return new ImageLimits(maxBytes, maxPixels);
    }
}
