package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.hfclip.HfClipFolder;
import io.github.dermlip.core.io.StateDict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our towers with Hugging Face CLIPModel weights against transformers 4.33.3's outputs for the same inputs. */
class HfClipParityTest {
    private static final float TOLERANCE = 1e-4f;

    static Path folder() {
        return SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu");
    }

    static ClipModel loaded(String weightsFile, NDManager manager) throws IOException {
        ClipModel model = ClipModel.create(HfClipFolder.readModelConfig(folder()), manager);
        HfClipFolder.loadWeights(model, folder().resolve(weightsFile), manager);
        return model;
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {HfClipFolder.SAFETENSORS_FILE, HfClipFolder.PYTORCH_FILE})
    void embeddingsAndLogitsMatchTransformers(String weightsFile) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = loaded(weightsFile, manager);
            Map<String, NDArray> expected = FixtureTensors.read(folder().resolve("expected.safetensors"), manager);
            NDArray pixels = expected.get("pixel_values");
            NDArray ids = expected.get("input_ids");

            float imageError = FixtureTensors.maxAbsDiff(model.encodeImage(pixels), expected.get("image_embeds"));
            float textError = FixtureTensors.maxAbsDiff(model.encodeText(ids), expected.get("text_embeds"));
            ClipOutput out = ClipOutput.fromNDList(
                    model.forward(new ParameterStore(manager, false), new NDList(pixels, ids), false));
            NDArray logits = out.imageFeatures().matMul(out.textFeatures().transpose()).mul(out.logitScale());
            float logitError = FixtureTensors.maxAbsDiff(logits, expected.get("logits_per_image"));

            System.out.printf("hf-clip/tiny-hf-clip-quickgelu (%s): max abs error image_embeds %.3g, text_embeds %.3g,"
                    + " logits_per_image %.3g%n", weightsFile, imageError, textError, logitError);
            assertTrue(imageError <= TOLERANCE, "image_embeds error " + imageError);
            assertTrue(textError <= TOLERANCE, "text_embeds error " + textError);
            assertTrue(logitError <= TOLERANCE, "logits_per_image error " + logitError);
        }
    }

    /** Rows padded with 49407 (= eos) after the first eos pool at that first eos, exactly as zero-padded rows do. */
    @Test
    void paddingWithTheEndOfTextIdPoolsAtTheFirstOne() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = loaded(HfClipFolder.SAFETENSORS_FILE, manager);
            Map<String, NDArray> expected = FixtureTensors.read(folder().resolve("expected.safetensors"), manager);
            NDArray eosPadded = expected.get("input_ids");
            NDArray zeroPadded = expected.get("input_ids_open_clip");
            assertEquals(0f, FixtureTensors.maxAbsDiff(model.encodeText(eosPadded), model.encodeText(zeroPadded)));
            assertEquals(0f, FixtureTensors.maxAbsDiff(model.encodeText(eosPadded),
                    ((TextTransformer) model.text()).encodeUntrimmed(new ParameterStore(manager, false), eosPadded, false)));
        }
    }

    @Test
    void savedOpenClipFolderReloadsWithIdenticalOutputs(@TempDir Path out) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = loaded(HfClipFolder.SAFETENSORS_FILE, manager);
            OpenClipConfig config = HfClipFolder.readConfig(folder());
            OpenClipHub.save(model, config, out);

            assertEquals(OpenClipKeys.parameters(model).keySet(),
                    StateDict.read(out.resolve(OpenClipHub.SAFETENSORS_FILE)).names());
            assertEquals(config, OpenClipHub.readConfig(out));
            ClipModel reloaded = OpenClipHub.load(out, manager);
            Map<String, NDArray> expected = FixtureTensors.read(folder().resolve("expected.safetensors"), manager);
            NDArray pixels = expected.get("pixel_values");
            NDArray ids = expected.get("input_ids");
            assertEquals(0f, FixtureTensors.maxAbsDiff(model.encodeImage(pixels), reloaded.encodeImage(pixels)));
            assertEquals(0f, FixtureTensors.maxAbsDiff(model.encodeText(ids), reloaded.encodeText(ids)));
            assertEquals(model.logitScale().getArray().getFloat(), reloaded.logitScale().getArray().getFloat());
        }
    }
}
