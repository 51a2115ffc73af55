package io.github.dermlip.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SkinSynthWriter} produced.
 *
 * @param root the dataset folder
 * @param imageCount number of PNG files written
 * @param classes class names in label order
 */
public record SkinSynthResult(Path root, int imageCount, List<String> classes) {

    /** Freezes the class list. */
    public SkinSynthResult {
        classes = List.copyOf(classes);
    }
}
