package io.github.dermlip.train.data;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Decodes encoded image bytes, e.g. {@code ImageDecoder::decode} from dermlip-core, which keeps Pillow's mode so
 * that the transform converts to RGB after the crop, as open_clip does.
 *
 * <p>Must be thread-safe: the loader calls it from several worker threads at once. An {@link IOException}
 * marks the sample as bad (skipped and counted); any other exception stops the run.
 */
@FunctionalInterface
public interface ImageBytesDecoder {

    /**
     * Decodes one image.
     *
     * @param bytes the encoded image
     * @param name the sample's key, for error messages
     * @throws IOException when the bytes are not a readable image
     */
    BufferedImage decode(byte[] bytes, String name) throws IOException;
}
