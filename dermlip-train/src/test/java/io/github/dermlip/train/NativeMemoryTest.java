package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.model.ClipModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training steps leave no arrays behind: the run's manager holds as many after step 50 as after step 2. Captions are
 * tokenized to one length, since the text tower keeps one causal mask per token length it has seen.
 */
class NativeMemoryTest {
    @TempDir
    Path dir;

    @Test
    void fiftyStepsLeaveTheArrayCountUnchanged() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 400, 1);
        TrainConfig config = TestRuns.config(dir, train, "memory").batchSize(8).epochs(1).accumFreq(1)
                .gradClipNorm(1.0).logEveryNSteps(10).build();
        List<Integer> counts = new ArrayList<>();
        new Trainer(config, TestRuns.components(new WordTokenizer(true)), new TrainingListener() {
            @Override
            public void stepFinished(StepRecord record, ClipModel model, NDManager runManager) {
                counts.add(runManager.getManagedArrays().size());
            }
        }).run();
        assertEquals(50, counts.size());
        for (int i = 1; i < counts.size(); i++) {
            assertEquals(counts.get(1), counts.get(i), "arrays after step " + (i + 1));
        }
    }

    @Test
    void accumulatedStepsLeaveTheArrayCountUnchanged() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 160, 1);
        TrainConfig config = TestRuns.config(dir, train, "accum").batchSize(8).epochs(1).accumFreq(2).build();
        List<Integer> counts = new ArrayList<>();
        new Trainer(config, TestRuns.components(new WordTokenizer(true)), new TrainingListener() {
            @Override
            public void stepFinished(StepRecord record, ClipModel model, NDManager runManager) {
                counts.add(runManager.getManagedArrays().size());
            }
        }).run();
        assertEquals(10, counts.size());
        for (int i = 1; i < counts.size(); i++) {
            assertEquals(counts.get(1), counts.get(i), "arrays after step " + (i + 1));
        }
    }
}
