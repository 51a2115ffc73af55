package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run works on any thread: PyTorch records gradients by default on threads other than the one that started the
 * engine, and the trainer must still update its weights in place there.
 */
class TrainerThreadTest {
    @TempDir
    Path dir;

    @Test
    void trainsOnAFreshThread() throws Exception {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 32, 1);
        TrainConfig config = TestRuns.config(dir, train, "thread").maxSteps(2L).build();
        Engine.getEngine("PyTorch"); // started here, so the training thread below keeps PyTorch's default grad mode
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run());
            } catch (Exception | Error e) {
                result.set(e);
            }
        });
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable failure) {
            throw new AssertionError("training on a fresh thread failed", failure);
        }
        assertEquals(2, ((TrainingSummary) result.get()).steps());
    }
}
