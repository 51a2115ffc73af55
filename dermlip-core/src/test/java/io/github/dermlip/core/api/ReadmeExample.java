package io.github.dermlip.core.api;

import ai.djl.modality.Classifications;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's Java example as written there (only the image path is an argument), run by
 * {@link ReadmeExampleTest} in a JVM of its own.
 */
public final class ReadmeExample {
    private ReadmeExample() {}

    /** Runs the example on the image {@code args[0]} and prints what it computed. */
    public static void main(String[] args) throws Exception {
        Path lesion = Path.of(args[0]);
        try (DermLip model = DermLip.load("hf-hub:redlessone/DermLIP_ViT-B-16")) {
            ZeroShotClassifier classifier = model.zeroShotClassifier(
                    List.of("melanoma", "nevus", "basal cell carcinoma", "seborrheic keratosis"),
                    List.of("This is a skin image of {}", "A skin image of {}."));
            Classifications result = classifier.classify(List.of(lesion)).get(0);
            System.out.println(result.topK(3));
            float[][] imageEmbeddings = model.encodeImages(List.of(lesion), true);
            float[][] textEmbeddings = model.encodeTexts(List.of("an asymmetric lesion with blue-grey veil"), true);
            System.out.println("top " + result.topK(3).size() + ", dims " + imageEmbeddings[0].length + " "
                    + textEmbeddings[0].length);
        }
    }
}
