package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.hub.FakeHub;
import io.github.dermlip.core.hub.HubSettings;
import io.github.dermlip.core.tokenizer.BpeVocabularyFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's zero-shot example on the tiny fixture model. */
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

    /**
     * {@link ReadmeExample} in a fresh JVM with no vocabulary property or variable set and an empty Hugging Face
     * cache: the model comes from a loopback hub serving the fixture as {@code redlessone/DermLIP_ViT-B-16}, the
     * CLIP vocabulary from the class path.
     */
    @Test
    void readmeExampleRunsOnAFreshMachineWithNoVocabularySetUp(@TempDir Path cache, @TempDir Path logs)
            throws Exception {
        Path fixture = SharedFixtures.openClipModel("tiny-gelu");
        try (FakeHub hub = FakeHub.start().withRepo("redlessone/DermLIP_ViT-B-16", fixture, "open_clip_config.json",
                "open_clip_model.safetensors")) {
            Path log = logs.resolve("example.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                    "-DOPT_OUT_TRACKING=true", "-Xmx1g", "-D" + HubSettings.ENDPOINT_PROPERTY + "=" + hub.endpoint(),
                    "-D" + HubSettings.CACHE_PROPERTY + "=" + cache, ReadmeExample.class.getName(),
                    fixture.resolve("images/e_rgb_120x80.jpg").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove(BpeVocabularyFiles.ENVIRONMENT_VARIABLE);
            builder.environment().remove("HF_TOKEN");
            builder.environment().put("OPT_OUT_TRACKING", "true");
            Process process = builder.start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the example finishes");
            String output = Files.readString(log);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("top 3, dims 64 64"), output);
        }
    }
}
