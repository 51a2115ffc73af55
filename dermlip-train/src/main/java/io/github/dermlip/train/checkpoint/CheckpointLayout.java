package io.github.dermlip.train.checkpoint;

import io.github.dermlip.core.model.OpenClipHub;
import java.nio.file.Path;

/**
 * Where a run's checkpoints live: {@code RUN/checkpoints/epoch_N/} after each epoch, {@code step_N/} every
 * {@code --save-every-n-steps}, and the pointer {@code latest.txt} naming the newest complete one.
 *
 * <p>Each checkpoint directory holds an open_clip hub model ({@value #MODEL_CONFIG}, {@value #MODEL_WEIGHTS}),
 * loadable by Python open_clip as it is, and the training state ({@value #STATE_TENSORS} with the optimizer
 * moments, {@value #STATE_JSON} with counters, positions and seeds).
 */
public final class CheckpointLayout {
    /** The open_clip hub config file. */
    public static final String MODEL_CONFIG = OpenClipHub.CONFIG_FILE;
    /** The open_clip hub weights file. */
    public static final String MODEL_WEIGHTS = OpenClipHub.SAFETENSORS_FILE;
    /** The optimizer moments. */
    public static final String STATE_TENSORS = "training_state.safetensors";
    /** Step, epoch, loader position, scheduler inputs, seeds and the config fingerprint. */
    public static final String STATE_JSON = "training_state.json";
    /** The pointer file naming the latest complete checkpoint directory. */
    public static final String LATEST = "latest.txt";
    /** Suffix of a checkpoint directory still being written. */
    public static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path directory;

    /** The layout under {@code runDirectory/checkpoints}. */
    public CheckpointLayout(Path runDirectory) {
        this.directory = runDirectory.resolve("checkpoints");
    }

    /** The {@code checkpoints} folder. */
    public Path directory() {
        return directory;
    }

    /** The checkpoint after {@code completedEpochs} epochs, as open_clip numbers them ({@code epoch_1} first). */
    public Path epoch(int completedEpochs) {
        return directory.resolve("epoch_" + completedEpochs);
    }

    /** The checkpoint after {@code completedSteps} optimizer steps. */
    public Path step(long completedSteps) {
        return directory.resolve("step_" + completedSteps);
    }

    /** The {@value #LATEST} pointer. */
    public Path latestPointer() {
        return directory.resolve(LATEST);
    }
}
