package io.github.dermlip.core.image;

import java.io.IOException;

/**
 * An image file that cannot be decoded: empty, truncated, corrupt, or not an image at all. The message
 * always starts with the name of the file (or other source) that failed.
 */
public class ImageDecodeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A failure with a message that already names the source. */
    public ImageDecodeException(String message) {
        super(message);
    }

    /** A failure caused by an exception from the underlying image reader. */
    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
