package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --pretrained} starts from an open_clip hub directory (here one holding only the {@code torch.save}
 * weights): at learning rate 0 the run's checkpoint holds exactly the open_clip weights it started from.
 */
class PretrainedStartTest {
    @TempDir
    Path dir;

    @Test
    void runStartsFromTheHubWeights() throws IOException {
        Path fixture = SharedFixtures.openClipModel("tiny-gelu");
        Path hub = Files.createDirectories(dir.resolve("hub"));
        Files.copy(fixture.resolve("open_clip_config.json"), hub.resolve("open_clip_config.json"));
        Files.copy(fixture.resolve("open_clip_pytorch_model.bin"), hub.resolve("open_clip_pytorch_model.bin"));
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 32, 1);
        TrainConfig config = TestRuns.config(dir, train, "pretrained").pretrained(hub).lr(0).epochs(1).build();

        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run();

        StateDict expected = StateDict.read(fixture.resolve("open_clip_model.safetensors"));
        StateDict saved = StateDict.read(new CheckpointLayout(config.runDirectory()).epoch(1)
                .resolve(CheckpointLayout.MODEL_WEIGHTS));
        assertEquals(expected.names(), saved.names());
        for (String key : expected.names()) {
            assertEquals(expected.get(key), saved.get(key), key);
        }
    }
}
