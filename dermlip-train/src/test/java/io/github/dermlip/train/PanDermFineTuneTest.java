package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.model.BertTextTower;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipHub;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.core.model.PanDermVisionTower;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import io.github.dermlip.train.checkpoint.LatestPointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning the PanDerm + BERT fixture from {@code --pretrained} with the standard components (its Hugging Face
 * tokenizer included): the checkpoint keeps the fixture's open_clip keys, holds the trained weights bit for bit and
 * reloads (on its own, through {@link DermLip#load}) into a model with the trained model's outputs; with
 * {@code --lock-text --lock-text-unlocked-layers 1} only the last BERT layer, the LayerNorms and the projection move.
 */
class PanDermFineTuneTest {
    private static final String FIXTURE = "tiny-panderm-bert-mean";

    @TempDir
    Path dir;

    @Test
    void fineTunedCheckpointKeepsTheKeysAndReloadsToTheTrainedOutputs() throws IOException {
        Path fixture = SharedFixtures.openClipModel(FIXTURE);
        TrainConfig config = TestRuns.config(dir, manifest(fixture), "panderm").pretrained(fixture).batchSize(3)
                .lr(1e-3).maxSteps(2L).build();
        Map<String, TensorData> live = new LinkedHashMap<>();
        float[][] liveOutputs = new float[1][];
        new Trainer(config, new StandardComponents(), new TrainingListener() {
            @Override
            public void stepFinished(StepRecord record, ClipModel model, NDManager runManager) {
                try (NDManager scratch = runManager.newSubManager()) {
                    liveOutputs[0] = outputs(model, scratch);
                    OpenClipKeys.toStateDict(model, scratch).forEach((k, v) -> live.put(k, TensorData.fromNDArray(v)));
                }
            }
        }).run();

        Path checkpoint = LatestPointer.read(new CheckpointLayout(config.runDirectory()));
        StateDict original = StateDict.read(fixture.resolve(OpenClipHub.SAFETENSORS_FILE));
        StateDict saved = StateDict.read(checkpoint.resolve(CheckpointLayout.MODEL_WEIGHTS));
        assertEquals(original.names(), saved.names(), "the fixture's open_clip keys");
        assertEquals(live, saved.asMap(), "the trained weights, bit for bit");
        assertNotEquals(original.get("visual.blocks.0.attn.q_bias"), saved.get("visual.blocks.0.attn.q_bias"));
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel reloaded = OpenClipHub.load(checkpoint, manager);
            assertTrue(reloaded.vision() instanceof PanDermVisionTower);
            assertTrue(reloaded.text() instanceof BertTextTower);
            assertArrayEquals(liveOutputs[0], outputs(reloaded, manager), 1e-6f);
        }
        try (DermLip lip = DermLip.load(checkpoint)) {
            assertEquals(64, lip.encodeTexts(List.of("a melanoma"), true)[0].length);
        }
    }

    @Test
    void lockTextWithUnlockedLayersTrainsOnlyTheLastLayerTheNormsAndTheProjection() throws IOException {
        Path fixture = SharedFixtures.openClipModel(FIXTURE);
        TrainConfig config = TestRuns.config(dir, manifest(fixture), "locked").pretrained(fixture).batchSize(3)
                .lr(1e-3).maxSteps(1L).lockImage(true).lockText(true).lockTextUnlockedLayers(1).build();
        new Trainer(config, new StandardComponents(), new TrainingListener() {}).run();

        StateDict original = StateDict.read(fixture.resolve(OpenClipHub.SAFETENSORS_FILE));
        StateDict saved = StateDict.read(LatestPointer.read(new CheckpointLayout(config.runDirectory()))
                .resolve(CheckpointLayout.MODEL_WEIGHTS));
        for (String key : original.names()) {
            boolean trainable = key.startsWith("text.proj") || key.contains(".layer.1.") || key.contains("LayerNorm");
            if (trainable) {
                assertNotEquals(original.get(key), saved.get(key), key + " is trained");
            } else if (!key.equals("logit_scale")) {
                assertEquals(original.get(key), saved.get(key), key + " is locked");
            }
        }
    }

    /** A Derm1M-style CSV over the fixture's six images, with comma-free captions. */
    private Path manifest(Path fixture) throws IOException {
        String[] captions = {"a dermoscopic image of a melanoma", "basal cell carcinoma", "nevus",
                "scaly plaques on the elbows", "a pigmented papule", "an annular plaque with central clearing"};
        StringBuilder csv = new StringBuilder("filepath,title\n");
        try (var images = Files.list(fixture.resolve("images"))) {
            List<Path> files = images.sorted().toList();
            for (int i = 0; i < files.size(); i++) {
                csv.append(files.get(i).toAbsolutePath()).append(',').append(captions[i]).append('\n');
            }
        }
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("train.csv"), csv.toString());
    }

    /** Image and text embeddings of the fixture's reference inputs, concatenated. */
    private static float[] outputs(ClipModel model, NDManager manager) {
        try {
            Map<String, TensorData> expected = StateDict.read(SharedFixtures.openClipModel(FIXTURE)
                    .resolve("expected.safetensors")).asMap();
            NDArray image = model.encodeImage(expected.get("pixel_values").toNDArray(manager));
            NDArray text = model.encodeText(expected.get("input_ids").toNDArray(manager));
            return image.reshape(-1).concat(text.reshape(-1)).toFloatArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
