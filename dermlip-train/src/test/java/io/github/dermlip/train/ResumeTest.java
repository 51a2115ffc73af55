package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed and resumed from its checkpoints computes exactly the losses and weights of an uninterrupted run. */
class ResumeTest {
    @TempDir
    Path dir;

    @Test
    void resumedRunRepeatsTheUninterruptedRunBitwise() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 96, 1); // 6 steps of 16 per epoch
        TrainConfig.Builder base = TestRuns.config(dir, train, "straight").epochs(2).gradClipNorm(1.0).saveEveryNSteps(4);

        List<Float> straight = losses(base.build());
        List<Float> pieces = new ArrayList<>(losses(base.name("pieces").maxSteps(5L).build()));
        pieces.addAll(losses(base.resume(TrainConfig.RESUME_LATEST).maxSteps(6L).build()));
        pieces.addAll(losses(base.maxSteps(null).build()));

        assertEquals(12, straight.size());
        assertEquals(bits(straight), bits(pieces));
        Path a = new CheckpointLayout(dir.resolve("logs/straight")).epoch(2);
        Path b = new CheckpointLayout(dir.resolve("logs/pieces")).epoch(2);
        for (String file : new String[] {CheckpointLayout.MODEL_WEIGHTS, CheckpointLayout.STATE_TENSORS}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
        long trainLines = ResultsLog.read(dir.resolve("logs/pieces/results.jsonl")).stream()
                .filter(r -> r.get("type").asText().equals("train")).count();
        assertEquals(12, trainLines);
    }

    @Test
    void resumingWithOtherSettingsIsRefusedByName() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 48, 1);
        TrainConfig.Builder base = TestRuns.config(dir, train, "run").epochs(1).maxSteps(1L);
        losses(base.build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> losses(base.resume(TrainConfig.RESUME_LATEST).maxSteps(null).lr(5e-3).build()));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }

    private static List<Float> losses(TrainConfig config) throws IOException {
        List<Float> out = new ArrayList<>();
        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {
            @Override
            public void stepFinished(StepRecord record, ClipModel model, NDManager runManager) {
                out.add(record.loss());
            }
        }).run();
        return out;
    }

    private static List<Integer> bits(List<Float> values) {
        List<Integer> out = new ArrayList<>();
        for (float v : values) {
            out.add(Float.floatToRawIntBits(v));
        }
        return out;
    }
}
