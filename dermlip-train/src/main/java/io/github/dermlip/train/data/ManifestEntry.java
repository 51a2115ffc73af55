package io.github.dermlip.train.data;

import java.util.Objects;

/**
 * One row of a manifest.
 *
 * @param imagePath the image path as written in the manifest (relative to the image root, or absolute);
 *     blank when the row has none
 * @param caption the caption as written; empty when the row has none
 */
public record ManifestEntry(String imagePath, String caption) {

    /** Checks that both values are present (possibly empty). */
    public ManifestEntry {
        Objects.requireNonNull(imagePath, "imagePath");
        Objects.requireNonNull(caption, "caption");
    }
}
