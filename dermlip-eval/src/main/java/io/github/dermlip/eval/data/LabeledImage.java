package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One image with its class label.
 *
 * @param image the image file
 * @param label class index into the dataset's class names
 * @param split split name ({@code train}, {@code val}, {@code test}) or null when the source has none
 * @param groups subgroup columns for stratified metrics (for example {@code fitzpatrick_scale} or
 *     {@code skin_tone}), keyed by the source's own column names
 */
public record LabeledImage(Path image, int label, String split, Map<String, String> groups) {

    /** Checks the fields and copies the groups (keeping their order). */
    public LabeledImage {
        Objects.requireNonNull(image, "image");
        if (label < 0) {
            throw new IllegalArgumentException("negative label " + label + " for " + image);
        }
        groups = groups == null || groups.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(groups));
    }
}
