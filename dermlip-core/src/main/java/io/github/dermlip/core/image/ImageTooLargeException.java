package io.github.dermlip.core.image;

/**
 * An image refused by its {@link ImageLimits}: a file with too many bytes, or a header whose size or aspect ratio
 * is over the limit. Callers that sort failures (Spark's {@code TOO_LARGE}) tell it apart from a corrupt file.
 */
public class ImageTooLargeException extends ImageDecodeException {
    private static final long serialVersionUID = 1L;

    /** A refusal with a message that already names the source. */
    public ImageTooLargeException(String message) {
        super(message);
    }
}
