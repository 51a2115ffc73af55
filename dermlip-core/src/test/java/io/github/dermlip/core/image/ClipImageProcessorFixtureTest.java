package io.github.dermlip.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.hfclip.HfClipFolder;
import io.github.dermlip.core.io.StateDict;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Parity with transformers 4.33.3's CLIPImageProcessor (Pillow 9.4) on the Hugging Face CLIP fixture's images. */
class ClipImageProcessorFixtureTest {

    @Test
    void matchesTransformersPixelValues() throws IOException {
        Path dir = SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu");
        ClipImageProcessor processor = HfClipFolder.imageProcessor(dir, HfClipFolder.readModelConfig(dir));
        JsonNode images = new ObjectMapper().readTree(dir.resolve("expected.json").toFile()).get("images");
        float[] expected = StateDict.read(dir.resolve("expected.safetensors")).get("pixel_values").floats();
        int item = 3 * processor.outputSize() * processor.outputSize();
        assertEquals(images.size() * item, expected.length);
        for (int n = 0; n < images.size(); n++) {
            String name = images.get(n).asText();
            float[] actual = processor.apply(ImageDecoder.decode(dir.resolve("images").resolve(name)));
            assertEquals(item, actual.length);
            float max = 0;
            for (int i = 0; i < item; i++) {
                max = Math.max(max, Math.abs(actual[i] - expected[n * item + i]));
            }
            System.out.printf("CLIPImageProcessor %s: max abs diff %.3g%n", name, max);
            assertTrue(max == 0, name + ": max abs diff " + max);
        }
    }
}
