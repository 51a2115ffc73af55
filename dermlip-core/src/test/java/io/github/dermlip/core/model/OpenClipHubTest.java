package io.github.dermlip.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.io.StateDict;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenClipHubTest {

    @Test
    void saveThenLoadGivesIdenticalOutputsAndOpenClipKeys(@TempDir Path tmp) throws Exception {
        Path fixture = SharedFixtures.openClipModel(FixtureTensors.QUICKGELU_CUSTOMTEXT);
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel original = OpenClipHub.load(fixture, manager);
            OpenClipConfig config = OpenClipHub.readConfig(fixture);
            Path saved = tmp.resolve("hub");
            OpenClipHub.save(original, config, saved);

            assertEquals(config, OpenClipHub.readConfig(saved));
            assertEquals(StateDict.read(fixture.resolve(OpenClipHub.SAFETENSORS_FILE)).names(),
                    StateDict.read(saved.resolve(OpenClipHub.SAFETENSORS_FILE)).names());
            try (java.util.stream.Stream<Path> files = Files.list(saved)) {
                assertEquals(2, files.count(), "only the config and the weights, no temp files left");
            }

            ClipModel reloaded = OpenClipHub.load(saved, manager);
            Map<String, NDArray> expected = FixtureTensors.expected(FixtureTensors.QUICKGELU_CUSTOMTEXT, manager);
            NDArray pixels = expected.get("pixel_values");
            NDArray ids = expected.get("input_ids");
            assertArrayEquals(original.encodeImage(pixels).toFloatArray(), reloaded.encodeImage(pixels).toFloatArray());
            assertArrayEquals(original.encodeText(ids).toFloatArray(), reloaded.encodeText(ids).toFloatArray());
        }
    }

    @Test
    void prefersSafetensorsAndNamesBothFilesWhenNoneExists(@TempDir Path tmp) throws Exception {
        Path fixture = SharedFixtures.openClipModel(FixtureTensors.GELU);
        assertEquals(OpenClipHub.SAFETENSORS_FILE, OpenClipHub.weightsFile(fixture).getFileName().toString());
        Files.copy(fixture.resolve(OpenClipHub.PYTORCH_FILE), tmp.resolve(OpenClipHub.PYTORCH_FILE));
        assertEquals(OpenClipHub.PYTORCH_FILE, OpenClipHub.weightsFile(tmp).getFileName().toString());
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> OpenClipHub.weightsFile(empty));
        assertTrue(e.getMessage().contains(OpenClipHub.SAFETENSORS_FILE) && e.getMessage().contains(OpenClipHub.PYTORCH_FILE));
        assertTrue(e.getMessage().contains(empty.toString()));
    }

    @Test
    void aTimmAndBertModelSavesSelfContainedAndReloadsToTheSameOutputs(@TempDir Path tmp) throws Exception {
        String fixtureName = FixtureTensors.TIMM_BERT_POOLER;
        Path fixture = SharedFixtures.openClipModel(fixtureName);
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel original = OpenClipHub.load(fixture, manager);
            Path saved = tmp.resolve("hub");
            OpenClipHub.save(original, OpenClipHub.readConfig(fixture), saved);
            assertTrue(Files.isRegularFile(saved.resolve("timm_model_cfg.json")));
            assertTrue(Files.isRegularFile(saved.resolve("hf_text_config/config.json")));
            assertTrue(Files.isRegularFile(saved.resolve("hf_text_config/tokenizer.json")));
            assertEquals(StateDict.read(fixture.resolve(OpenClipHub.SAFETENSORS_FILE)).names(),
                    StateDict.read(saved.resolve(OpenClipHub.SAFETENSORS_FILE)).names());

            ClipModel reloaded = OpenClipHub.load(saved, manager);
            assertTrue(reloaded.vision() instanceof TimmVisionTower && reloaded.text() instanceof BertTextTower);
            assertEquals(original.parameterCount(), reloaded.parameterCount());
            Map<String, NDArray> expected = FixtureTensors.expected(fixtureName, manager);
            NDArray pixels = expected.get("pixel_values");
            NDArray ids = expected.get("input_ids");
            assertArrayEquals(original.encodeImage(pixels).toFloatArray(), reloaded.encodeImage(pixels).toFloatArray());
            assertArrayEquals(original.encodeText(ids).toFloatArray(), reloaded.encodeText(ids).toFloatArray());
        }
    }
}
