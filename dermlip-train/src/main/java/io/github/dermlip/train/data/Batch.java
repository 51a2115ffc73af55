package io.github.dermlip.train.data;

import java.util.List;
import java.util.Map;

/**
 * One batch of transformed images and their captions.
 *
 * @param epoch the epoch it belongs to
 * @param index its index within the epoch
 * @param images {@code size() x 3 x imageSize x imageSize} floats, CHW per image, images one after the other
 *     (ready to become an NDArray of that shape)
 * @param imageSize side of each image in pixels
 * @param captions the captions, in image order
 * @param keys the samples' keys, in image order
 * @param next the position right after this batch, to save for resuming
 * @param skipped the bad samples passed over while this batch was filled, by reason (only reasons that occurred)
 */
public record Batch(int epoch, int index, float[] images, int imageSize, List<String> captions, List<String> keys,
        LoaderPosition next, Map<BadSampleReason, Long> skipped) {

    /** Copies the lists and checks that the sizes agree. */
    public Batch {
        captions = List.copyOf(captions);
        keys = List.copyOf(keys);
        skipped = Map.copyOf(skipped);
        if (captions.size() != keys.size() || images.length != (long) keys.size() * 3 * imageSize * imageSize) {
            throw new IllegalArgumentException("batch sizes disagree: " + keys.size() + " keys, " + captions.size()
                    + " captions, " + images.length + " floats for images of " + imageSize + " px");
        }
    }

    /** Number of samples. */
    public int size() {
        return keys.size();
    }

    /** The position in the epoch's order of the first candidate after this batch. */
    public long nextSample() {
        return next.sample();
    }
}
