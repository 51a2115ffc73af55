package io.github.dermlip.train.data;

import java.util.Objects;

/**
 * One candidate image-caption pair, as a source lists it, before anything is read or decoded.
 *
 * @param key identifies the sample in reports (the manifest's image path, or the WebDataset key)
 * @param origin the manifest or shard it came from
 * @param caption the caption, or {@code null} when the sample has none (a WebDataset key without {@code .txt})
 * @param image the image's bytes, or {@code null} when the sample has no image
 */
public record Sample(String key, String origin, String caption, ImageBytes image) {

    /** Checks that the key and origin are present. */
    public Sample {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
    }
}
