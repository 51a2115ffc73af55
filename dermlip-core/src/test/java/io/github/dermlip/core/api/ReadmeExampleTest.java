package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.SharedFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's zero-shot example, as written there, on the tiny fixture model. */
class ReadmeExampleTest {

    @Test
    void readmeZeroShotExampleRuns() throws Exception {
        Path hubDir = SharedFixtures.openClipModel("tiny-gelu");
        Path image = hubDir.resolve("images/e_rgb_120x80.jpg");
        DermLipOptions options = DermLipOptions.defaults().withVocabulary(SharedFixtures.bpeVocab());
        try (DermLip model = DermLip.load(hubDir, options)) {
            ZeroShotClassifier classifier = model.zeroShotClassifier(
                    List.of("melanoma", "nevus", "basal cell carcinoma", "seborrheic keratosis"),
                    List.of("This is a skin image of {}", "A skin image of {}."));
            Classifications result = classifier.classify(List.of(image)).get(0);
            assertEquals(3, result.topK(3).size());
            float[][] imageEmbeddings = model.encodeImages(List.of(image), true);
            float[][] textEmbeddings = model.encodeTexts(List.of("an asymmetric lesion with blue-grey veil"), true);
            assertEquals(64, imageEmbeddings[0].length);
            assertEquals(64, textEmbeddings[0].length);
        }
    }
}
