package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.hfclip.HfClipFolder;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipKeys;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pretrained} also starts from a Hugging Face CLIPModel folder: at learning rate 0 the run's checkpoint, in
 * open_clip's layout, holds exactly the converted Hugging Face weights, and its config is the folder's architecture.
 */
class HfClipPretrainedStartTest {
    @TempDir
    Path dir;

    @Test
    void runStartsFromTheHuggingFaceWeightsAndSavesOpenClipsLayout() throws IOException {
        Path folder = SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu");
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 32, 1);
        TrainConfig config = TestRuns.config(dir, train, "hf-pretrained").pretrained(folder).lr(0).epochs(1).build();

        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run();

        Path epoch = new CheckpointLayout(config.runDirectory()).epoch(1);
        assertEquals(HfClipFolder.readModelConfig(folder),
                OpenClipConfigReader.read(epoch.resolve(CheckpointLayout.MODEL_CONFIG)).model());
        StateDict saved = StateDict.read(epoch.resolve(CheckpointLayout.MODEL_WEIGHTS));
        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel model = ClipModel.create(HfClipFolder.readModelConfig(folder), manager);
            HfClipFolder.loadWeights(model, folder.resolve(HfClipFolder.PYTORCH_FILE), manager);
            Map<String, NDArray> expected = OpenClipKeys.toStateDict(model, manager);
            assertEquals(expected.keySet(), saved.names());
            for (Map.Entry<String, NDArray> e : expected.entrySet()) {
                assertEquals(TensorData.fromNDArray(e.getValue()), saved.get(e.getKey()), e.getKey());
            }
        }
    }
}
