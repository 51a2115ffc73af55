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
        // A kill while appending leaves a torn line; the next piece must cut it off, not append onto it.
        Files.writeString(dir.resolve("logs/pieces").resolve(ResultsLog.FILE_NAME), "{\"type\": \"train\", \"st",
                java.nio.file.StandardOpenOption.APPEND);
        TrainingProcess.run(dir.resolve("piece3.log"), with(common, "--name", "pieces", "--resume", "latest"));

        List<Float> straight = TrainingProcess.losses(dir.resolve("logs/straight"));
        List<Float> pieces = TrainingProcess.losses(dir.resolve("logs/pieces"));
        assertEquals(12, straight.size());
        assertEquals(TrainingProcess.bits(straight), TrainingProcess.bits(pieces));
        // Epoch 1 was resumed at step 5 of 6 and epoch 2 at step 6: their averages still cover every step.
        List<String> averages = epochAverages(dir.resolve("logs/straight"));
        assertEquals(2, averages.size(), averages.toString());
        assertEquals(averages, epochAverages(dir.resolve("logs/pieces")));
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

    /** The {@code train_loss_avg} of each epoch line, as written. */
    private static List<String> epochAverages(Path run) {
        List<String> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode line : ResultsLog.read(run.resolve(ResultsLog.FILE_NAME))) {
            if (line.get("type").asText().equals("epoch")) {
                out.add(line.get("epoch") + ":" + line.get("train_loss_avg"));
            }
        }
        return out;
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
