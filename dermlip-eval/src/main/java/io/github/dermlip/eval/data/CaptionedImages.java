package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Image-caption pairs for cross-modal retrieval: caption {@code i} describes image {@code i}.
 *
 * @param name short dataset name
 * @param images the image files
 * @param captions one caption per image
 */
public record CaptionedImages(String name, List<Path> images, List<String> captions) implements EvalDataset {

    /** Copies the lists and checks that they pair up. */
    public CaptionedImages {
        Objects.requireNonNull(name, "name");
        images = List.copyOf(images);
        captions = List.copyOf(captions);
        if (images.size() != captions.size()) {
            throw new IllegalArgumentException(name + ": " + images.size() + " images but " + captions.size()
                    + " captions");
        }
    }

    @Override
    public int size() {
        return images.size();
    }
}
