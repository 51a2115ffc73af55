package io.github.dermlip.train.data;

import io.github.dermlip.core.image.ImageTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.SplittableRandom;

/**
 * The work done for one sample on a worker thread: check the caption, read the bytes, decode, transform with
 * the sample's own generator, and copy the pixels into the batch's array.
 *
 * <p>Bad data (no caption, blank caption, missing or unreadable file, {@link IOException} from the decoder)
 * yields a {@link BadSample}; anything else that goes wrong is a {@link SampleProcessingException}.
 */
final class SampleProcessor {
    private final ImageBytesDecoder decoder;
    private final ImageTransform transform;
    private final long seed;
    private final int imageFloats;

    SampleProcessor(ImageBytesDecoder decoder, ImageTransform transform, long seed) {
        this.decoder = decoder;
        this.transform = transform;
        this.seed = seed;
        this.imageFloats = 3 * transform.outputSize() * transform.outputSize();
    }

    /** Side of a transformed image in pixels. */
    int imageSize() {
        return transform.outputSize();
    }

    /** Floats per transformed image. */
    int imageFloats() {
        return imageFloats;
    }

    /**
     * Processes one sample.
     *
     * @param target the batch's image array, or {@code null} to only check that the sample is good (decoding
     *     it, but skipping the transform)
     * @param offset where the sample's pixels go in {@code target}
     * @return {@code null} when the sample is good, else why it is bad
     */
    BadSample process(Sample sample, int epoch, long position, float[] target, int offset) {
        try {
            return load(sample, epoch, position, target, offset);
        } catch (SampleProcessingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SampleProcessingException(sample.key(), sample.origin(), "loading failed: " + e, e);
        }
    }

    private BadSample load(Sample sample, int epoch, long position, float[] target, int offset) {
        if (sample.image() == null) {
            return bad(sample, position, BadSampleReason.INCOMPLETE_SAMPLE, "has no image");
        }
        if (sample.caption() == null) {
            return bad(sample, position, BadSampleReason.INCOMPLETE_SAMPLE, "has no caption");
        }
        if (sample.caption().isBlank()) {
            return bad(sample, position, BadSampleReason.EMPTY_CAPTION, "caption is empty");
        }
        byte[] bytes;
        try {
            bytes = sample.image().read();
        } catch (NoSuchFileException e) {
            return bad(sample, position, BadSampleReason.MISSING_FILE, "no such file: " + e.getFile());
        } catch (IOException e) {
            return bad(sample, position, BadSampleReason.UNREADABLE_FILE, e.toString());
        }
        BufferedImage image;
        try {
            image = decoder.decode(bytes, sample.key());
        } catch (IOException e) {
            return bad(sample, position, BadSampleReason.UNDECODABLE_IMAGE, e.toString());
        }
        if (image == null) {
            return bad(sample, position, BadSampleReason.UNDECODABLE_IMAGE, "the decoder returned no image");
        }
        if (target != null) {
            float[] pixels = transform.apply(image, new SplittableRandom(EpochSeeds.sample(seed, epoch, position)));
            if (pixels.length != imageFloats) {
                throw new SampleProcessingException(sample.key(), sample.origin(), "the transform returned "
                        + pixels.length + " floats, expected 3 x " + transform.outputSize() + " x "
                        + transform.outputSize() + " = " + imageFloats, null);
            }
            System.arraycopy(pixels, 0, target, offset, imageFloats);
        }
        return null;
    }

    private static BadSample bad(Sample sample, long position, BadSampleReason reason, String detail) {
        return new BadSample(sample.key(), sample.origin(), position, reason, detail);
    }
}
