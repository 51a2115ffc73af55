package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Options shared by the dataset loaders.
 *
 * @param missingImages what to do when an image named in the metadata is absent
 * @param imageRoot folder where images are looked for, or null for the dataset folder (the folder of the metadata
 *     file when a file is given)
 * @param classNames label order for the generic CSV and MM-Skin loaders, or null to sort the names found; the
 *     loaders with a fixed class list refuse it
 */
public record LoadOptions(MissingImagePolicy missingImages, Path imageRoot, List<String> classNames) {

    /** Fail on missing images, images beside the metadata, class order from the data. */
    public static final LoadOptions DEFAULT = new LoadOptions(MissingImagePolicy.FAIL, null, null);

    /** Checks the policy and copies the class names. */
    public LoadOptions {
        if (missingImages == null) {
            throw new IllegalArgumentException("missingImages policy must be given");
        }
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** These options with another missing-image policy. */
    public LoadOptions withMissingImages(MissingImagePolicy policy) {
        return new LoadOptions(policy, imageRoot, classNames);
    }

    /** These options with another image folder. */
    public LoadOptions withImageRoot(Path folder) {
        return new LoadOptions(missingImages, folder, classNames);
    }

    /** These options with an explicit label order. */
    public LoadOptions withClassNames(List<String> names) {
        return new LoadOptions(missingImages, imageRoot, names);
    }
}
