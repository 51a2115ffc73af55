package io.github.dermlip.train.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.io.StateDict;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipHub;
import io.github.dermlip.train.optim.AdamW;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete checkpoint directory written by {@link CheckpointWriter}, read back for resuming. */
public final class Checkpoint {
    /** The {@code --resume} value that follows the run's {@code latest.txt}. */
    public static final String LATEST = "latest";
    private final Path directory;
    private final TrainingState state;

    private Checkpoint(Path directory, TrainingState state) {
        this.directory = directory;
        this.state = state;
    }

    /**
     * Opens a checkpoint directory, checking that all four files are there and reading its state.
     *
     * @throws NoSuchFileException naming the first missing file
     */
    public static Checkpoint open(Path directory) throws IOException {
        for (String file : new String[] {CheckpointLayout.MODEL_CONFIG, CheckpointLayout.MODEL_WEIGHTS,
                CheckpointLayout.STATE_TENSORS, CheckpointLayout.STATE_JSON}) {
            if (!Files.isRegularFile(directory.resolve(file))) {
                throw new NoSuchFileException(directory.resolve(file).toString(), null,
                        "not a complete training checkpoint");
            }
        }
        Path stateFile = directory.resolve(CheckpointLayout.STATE_JSON);
        TrainingState state = TrainingState.fromJson(new ObjectMapper().readTree(stateFile.toFile()), stateFile.toString());
        return new Checkpoint(directory, state);
    }

    /**
     * The checkpoint {@code --resume} names: {@code latest} follows the run's {@code latest.txt}; a path is a
     * checkpoint directory, or a checkpoints folder (or run folder) whose {@code latest.txt} is followed.
     */
    public static Checkpoint resolve(String resume, CheckpointLayout runLayout) throws IOException {
        if (LATEST.equals(resume)) {
            return open(LatestPointer.read(runLayout));
        }
        Path path = Path.of(resume);
        if (Files.isRegularFile(path.resolve(CheckpointLayout.STATE_JSON))) {
            return open(path);
        }
        if (Files.isRegularFile(path.resolve(CheckpointLayout.LATEST))) {
            return open(LatestPointer.read(new CheckpointLayout(path.getParent() == null ? path : path.getParent())));
        }
        if (Files.isRegularFile(path.resolve("checkpoints").resolve(CheckpointLayout.LATEST))) {
            return open(LatestPointer.read(new CheckpointLayout(path)));
        }
        throw new NoSuchFileException(path.toString(), null,
                "--resume: neither a checkpoint directory nor a folder with checkpoints/latest.txt");
    }

    /** The checkpoint's directory. */
    public Path directory() {
        return directory;
    }

    /** The saved training state. */
    public TrainingState state() {
        return state;
    }

    /** The saved model config. */
    public OpenClipConfig modelConfig() throws IOException {
        return OpenClipHub.readConfigForWeights(directory);
    }

    /** Copies the saved weights into {@code model}, strictly (every key, every shape). */
    public void loadWeights(ClipModel model) throws IOException {
        try (NDManager host = NDManager.newBaseManager(Device.cpu())) {
            OpenClipHub.loadWeights(model, directory.resolve(CheckpointLayout.MODEL_WEIGHTS), host);
        }
    }

    /** Puts the saved moments and step count into {@code optimizer}. */
    public void loadOptimizer(AdamW optimizer) throws IOException {
        Path file = directory.resolve(CheckpointLayout.STATE_TENSORS);
        StateDict saved = StateDict.read(file);
        try (NDManager host = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> moments = new LinkedHashMap<>();
            for (Map.Entry<String, TensorData> e : saved.asMap().entrySet()) {
                moments.put(e.getKey(), e.getValue().toNDArray(host));
            }
            optimizer.restore(state.optimizerSteps(), moments, file.toString());
        }
    }
}
