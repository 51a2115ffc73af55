package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.train.checkpoint.CheckpointLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped and resumed from its checkpoints, each part in a new JVM, computes exactly the losses and weights of
 * an uninterrupted run (CPU, bitwise).
 */
class ResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumedRunRepeatsTheUninterruptedRunBitwise() throws Exception {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 96, 1); // 6 steps of 16 per epoch
        List<String> common = List.of("--train-data", train.toString(), "--model", TestRuns.tinyModel(dir).toString(),
                "--batch-size", "16", "--epochs", "2", "--lr", "1e-3", "--wd", "0.1", "--warmup", "4", "--seed", "7",
                "--grad-clip-norm", "1.0", "--save-every-n-steps", "4", "--workers", "2", "--log-every-n-steps", "1",
                "--logs", dir.resolve("logs").toString(), "--quiet");
        TrainingProcess.run(dir.resolve("straight.log"), with(common, "--name", "straight"));
        TrainingProcess.run(dir.resolve("piece1.log"), with(common, "--name", "pieces", "--max-steps", "5"));
        TrainingProcess.run(dir.resolve("piece2.log"), with(common, "--name", "pieces", "--resume", "latest",
                "--max-steps", "6"));
        TrainingProcess.run(dir.resolve("piece3.log"), with(common, "--name", "pieces", "--resume", "latest"));

        List<Float> straight = TrainingProcess.losses(dir.resolve("logs/straight"));
        List<Float> pieces = TrainingProcess.losses(dir.resolve("logs/pieces"));
        assertEquals(12, straight.size());
        assertEquals(TrainingProcess.bits(straight), TrainingProcess.bits(pieces));
        Path a = new CheckpointLayout(dir.resolve("logs/straight")).epoch(2);
        Path b = new CheckpointLayout(dir.resolve("logs/pieces")).epoch(2);
        for (String file : new String[] {CheckpointLayout.MODEL_WEIGHTS, CheckpointLayout.STATE_TENSORS}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
    }

    @Test
    void resumingWithOtherSettingsIsRefusedByName() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 48, 1);
        TrainConfig.Builder base = TestRuns.config(dir, train, "run").epochs(1).maxSteps(1L);
        train(base.build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(base.resume(TrainConfig.RESUME_LATEST).maxSteps(null).lr(5e-3).build()));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }

    private static void train(TrainConfig config) throws IOException {
        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run();
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> out = new ArrayList<>(common);
        out.addAll(List.of(more));
        return out;
    }
}
