package io.github.dermlip.train.checkpoint;

import io.github.dermlip.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code latest.txt} file naming the newest complete checkpoint directory (open_clip's {@code epoch_latest}).
 *
 * <p>A pointer file rather than a symbolic link: it is replaced with one atomic rename of a fully written and
 * synced temporary file (see {@link AtomicFiles}), so a reader sees the old name or the new one and never a
 * dangling or half-swapped link; it also works where links do not (Windows without privileges, some network
 * and object-store file systems, archive and copy tools that resolve links). It is only updated after the
 * directory it names has been completely written and renamed into place.
 */
public final class LatestPointer {
    private LatestPointer() {}

    /** Points {@code layout}'s latest checkpoint at {@code checkpoint}, a directory inside the checkpoints folder. */
    public static void update(CheckpointLayout layout, Path checkpoint) throws IOException {
        byte[] name = (checkpoint.getFileName().toString() + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(layout.latestPointer(), out -> out.write(name));
    }

    /**
     * The directory {@code latest.txt} names.
     *
     * @throws NoSuchFileException when the run has no checkpoint yet, or the named directory is missing
     */
    public static Path read(CheckpointLayout layout) throws IOException {
        Path pointer = layout.latestPointer();
        if (!Files.isRegularFile(pointer)) {
            throw new NoSuchFileException(pointer.toString(), null, "no checkpoint to resume from (no " + CheckpointLayout.LATEST + ")");
        }
        String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IOException(pointer + ": does not name a checkpoint directory: '" + name + "'");
        }
        Path target = layout.directory().resolve(name);
        if (!Files.isDirectory(target)) {
            throw new NoSuchFileException(target.toString(), null, "named by " + pointer + " but missing");
        }
        return target;
    }
}
