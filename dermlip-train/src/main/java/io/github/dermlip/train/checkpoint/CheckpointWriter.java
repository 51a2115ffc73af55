package io.github.dermlip.train.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.io.AtomicFiles;
import io.github.dermlip.core.io.SafetensorsWriter;
import io.github.dermlip.core.io.TensorData;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.model.OpenClipHub;
import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.train.optim.AdamW;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes checkpoints so that a crash at any moment leaves every earlier checkpoint and the latest pointer intact.
 *
 * <p>The files go into {@code NAME.tmp/}, each written to a temporary file, synced and renamed; the directory is
 * synced and renamed to {@code NAME} in one atomic move; only then is {@code latest.txt} replaced (atomically) to
 * name it. A leftover {@code NAME.tmp/} from an interrupted write is removed before writing again, and a failed
 * write removes its temporary directory and leaves the pointer on the last good checkpoint.
 */
public final class CheckpointWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CheckpointLayout layout;

    /** A writer into {@code layout}. */
    public CheckpointWriter(CheckpointLayout layout) {
        this.layout = layout;
    }

    /**
     * Writes one complete checkpoint to {@code target} and points {@code latest.txt} at it.
     *
     * @param target the checkpoint directory, e.g. {@link CheckpointLayout#epoch(int)}
     * @param config the model's open_clip config (what {@code open_clip_config.json} will hold)
     * @param model the model whose weights are saved under open_clip's names
     * @param optimizer the optimizer whose moments are saved
     * @param state counters, positions and seeds
     * @param run the run's provenance at this step, saved beside the weights for evaluation to copy
     * @return {@code target}
     */
    public Path write(Path target, OpenClipConfig config, ClipModel model, AdamW optimizer, TrainingState state,
            TrainingRun run) throws IOException {
        Files.createDirectories(layout.directory());
        Path temporary = target.resolveSibling(target.getFileName() + CheckpointLayout.TEMPORARY_SUFFIX);
        deleteRecursively(temporary);
        Files.createDirectory(temporary);
        try {
            OpenClipHub.save(model, config, temporary);
            try (NDManager host = NDManager.newBaseManager(Device.cpu())) {
                SafetensorsWriter.write(temporary.resolve(CheckpointLayout.STATE_TENSORS),
                        toHost(hostCopies(optimizer.state(), host)));
            }
            writeJson(temporary.resolve(CheckpointLayout.STATE_JSON), state.toJson());
            run.writeTo(temporary);
            syncDirectory(temporary);
            moveIntoPlace(temporary, target);
        } catch (IOException | RuntimeException e) {
            try {
                deleteRecursively(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        LatestPointer.update(layout, target);
        return target;
    }

    private static void writeJson(Path file, ObjectNode node) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** Independent host copies of the arrays (which may live on an accelerator), owned by {@code host}. */
    private static Map<String, NDArray> hostCopies(Map<String, NDArray> arrays, NDManager host) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            NDArray copy = e.getValue().toDevice(Device.cpu(), true);
            copy.attach(host);
            out.put(e.getKey(), copy);
        }
        return out;
    }

    /** The arrays' values on the Java heap, each array freed as soon as it is copied. */
    private static Map<String, TensorData> toHost(Map<String, NDArray> arrays) {
        Map<String, TensorData> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
            out.put(e.getKey(), TensorData.fromNDArray(e.getValue()));
            e.getValue().close();
        }
        return out;
    }

    /** Renames the finished directory to its name; an existing checkpoint of that name is replaced. */
    private void moveIntoPlace(Path temporary, Path target) throws IOException {
        Path replaced = null;
        if (Files.exists(target)) {
            replaced = target.resolveSibling(target.getFileName() + ".replaced" + CheckpointLayout.TEMPORARY_SUFFIX);
            deleteRecursively(replaced);
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(layout.directory());
        if (replaced != null) {
            deleteRecursively(replaced);
        }
    }

    /** Makes renames and new entries durable on POSIX systems; a no-op where directories cannot be opened. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException unsupported) {
            // Windows cannot open a directory; its renames are durable once they return.
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
