package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects a loader's labelled images, locating each file and applying the missing-image policy at the end. */
final class LabeledItems {
    private final ImageLocator images;
    private final ImageCheck check;
    private final List<LabeledImage> items = new ArrayList<>();

    /**
     * @param dataset dataset name for messages
     * @param images where the image files are
     * @param whereHint where the release keeps its images, for the missing-image message
     * @param policy what to do about missing images
     */
    LabeledItems(String dataset, ImageLocator images, String whereHint, MissingImagePolicy policy) {
        this.images = images;
        this.check = new ImageCheck(dataset, "under " + images.root() + whereHint, policy);
    }

    /** Adds one row when its image is found. */
    void add(String imageName, int label, String split, Map<String, String> groups) {
        Path image = images.locate(imageName);
        if (check.accept(image, imageName)) {
            items.add(new LabeledImage(image, label, split, groups));
        }
    }

    /** The items, after failing or warning about missing images. */
    List<LabeledImage> finish() {
        check.finish();
        return items;
    }
}
