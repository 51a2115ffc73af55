package io.github.dermlip.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers see either the old content or the complete new content, never a torn file.
 *
 * <p>The content goes to a hidden temporary file in the target's directory, is flushed and fsync'ed, and
 * then renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}; the directory is then synced
 * where the platform allows it. On any failure the temporary file is removed and the target is untouched.
 */
public final class AtomicFiles {
    private static final int BUFFER_BYTES = 1 << 16;
    private static final int NAME_ATTEMPTS = 16;

    private AtomicFiles() {}

    /**
     * Replaces {@code target} atomically with what {@code content} writes. The stream handed to {@code content}
     * is buffered; closing it is harmless (it only flushes).
     */
    public static void write(Path target, IOConsumer<OutputStream> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            FileChannel channel = null;
            for (int attempt = 0; channel == null; attempt++) {
                tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                        + ".tmp");
                try {
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    tmp = null;
                    if (attempt + 1 >= NAME_ATTEMPTS) {
                        throw e;
                    }
                }
            }
            try (FileChannel ch = channel) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER_BYTES);
                content.accept(new FlushOnClose(out));
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            syncDirectory(dir);
        } catch (IOException | RuntimeException | Error e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /**
     * Moves a complete file into place with one atomic rename (both paths in the same directory tree of one file
     * system), then syncs the target's directory, so readers see the whole file or none.
     */
    public static void move(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Makes the rename durable on POSIX systems; platforms that cannot open a directory (Windows) skip this step. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException unsupported) {
            // Directory handles cannot be opened or synced here; the file content itself is already on disk.
        }
    }

    /** Hands writes straight through and turns close() into flush(), so the owner decides when the file is done. */
    private static final class FlushOnClose extends FilterOutputStream {
        FlushOnClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
