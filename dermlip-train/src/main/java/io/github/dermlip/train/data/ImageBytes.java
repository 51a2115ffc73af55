package io.github.dermlip.train.data;

import java.io.IOException;

/** The encoded bytes of one sample's image (JPEG, PNG, WebP...), read when a worker needs them. */
@FunctionalInterface
public interface ImageBytes {

    /**
     * Reads the encoded image.
     *
     * @throws java.nio.file.NoSuchFileException when the image file does not exist
     * @throws IOException when it cannot be read
     */
    byte[] read() throws IOException;
}
