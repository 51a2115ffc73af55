package io.github.dermlip.train.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to read a CSV/TSV or JSONL manifest, mirroring open_clip's {@code --csv-img-key},
 * {@code --csv-caption-key} and {@code --csv-separator}, plus where the images live.
 *
 * <p>Separator: when {@code separator} is {@code null}, a tab is used (open_clip's default), except for a
 * file named {@code *.csv} whose header line contains no tab, which is read with a comma, so Derm1M's
 * comma-separated {@code Derm1M_v2_pretrain.csv} and open_clip's tab-separated {@code .csv} files both work
 * unchanged. An explicit separator is always used as given. JSONL manifests ignore the separator.
 *
 * @param imageKey column (or JSON key) holding the image path
 * @param captionKey column (or JSON key) holding the caption
 * @param separator column separator, or {@code null} for the rule above
 * @param imageRoot folder that relative image paths are resolved against, or {@code null} for the
 *     manifest's own folder
 */
public record ManifestOptions(String imageKey, String captionKey, Character separator, Path imageRoot) {

    /** open_clip's default image column. */
    public static final String OPEN_CLIP_IMAGE_KEY = "filepath";
    /** open_clip's default caption column. */
    public static final String OPEN_CLIP_CAPTION_KEY = "title";
    /** Derm1M's image column. */
    public static final String DERM1M_IMAGE_KEY = "filename";
    /** Derm1M's caption column used for pretraining. */
    public static final String DERM1M_CAPTION_KEY = "truncated_caption";

    /** Checks the keys. */
    public ManifestOptions {
        requireKey(imageKey, "imageKey");
        requireKey(captionKey, "captionKey");
        if (imageKey.equals(captionKey)) {
            throw new IllegalArgumentException("image and caption columns must differ, both are '" + imageKey + "'");
        }
    }

    /** open_clip's defaults: columns {@code filepath} and {@code title}, separator by the rule above. */
    public static ManifestOptions openClipDefaults() {
        return new ManifestOptions(OPEN_CLIP_IMAGE_KEY, OPEN_CLIP_CAPTION_KEY, null, null);
    }

    /** Derm1M's columns: {@code filename} and {@code truncated_caption}. */
    public static ManifestOptions derm1m() {
        return new ManifestOptions(DERM1M_IMAGE_KEY, DERM1M_CAPTION_KEY, null, null);
    }

    /** The same options with other column names. */
    public ManifestOptions withKeys(String newImageKey, String newCaptionKey) {
        return new ManifestOptions(newImageKey, newCaptionKey, separator, imageRoot);
    }

    /** The same options with an explicit separator. */
    public ManifestOptions withSeparator(char newSeparator) {
        return new ManifestOptions(imageKey, captionKey, newSeparator, imageRoot);
    }

    /** The same options with an image root. */
    public ManifestOptions withImageRoot(Path newImageRoot) {
        return new ManifestOptions(imageKey, captionKey, separator, newImageRoot);
    }

    /** The folder relative image paths of {@code manifest} resolve against, absolute. */
    public Path resolveImageRoot(Path manifest) {
        Path root = imageRoot != null ? imageRoot : manifest.toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    private static void requireKey(String key, String name) {
        Objects.requireNonNull(key, name);
        if (key.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
