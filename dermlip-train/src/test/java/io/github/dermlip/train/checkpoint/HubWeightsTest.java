package io.github.dermlip.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.dermlip.core.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which weights file of an open_clip hub directory is used. */
class HubWeightsTest {
    @TempDir
    Path dir;

    @Test
    void safetensorsArePreferredOverTheTorchPickle() throws IOException {
        Path hub = SharedFixtures.openClipModel("tiny-gelu");
        assertEquals(hub.resolve("open_clip_model.safetensors"), HubWeights.weightsFile(hub));
        Files.copy(hub.resolve("open_clip_pytorch_model.bin"), dir.resolve("open_clip_pytorch_model.bin"));
        assertEquals(dir.resolve("open_clip_pytorch_model.bin"), HubWeights.weightsFile(dir));
    }

    @Test
    void aDirectoryWithoutWeightsIsRefused() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> HubWeights.weightsFile(dir));
        assertEquals(dir.toString(), e.getFile());
    }
}
