package io.github.dermlip.core.hub;

import io.github.dermlip.core.io.AtomicFiles;
import io.github.dermlip.core.io.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Brings single files of a hub repository into the {@link HubCache}, as huggingface_hub's {@code hf_hub_download}
 * does, and answers from the cache alone when it can.
 *
 * <p>A file already in {@code snapshots/<commit>/} (or recorded as absent in {@code .no_exist/<commit>/}) for a
 * cached ref or commit is answered without a request; a cached branch ref is trusted, not re-checked against the
 * hub (name a commit, or delete {@code refs/<branch>}, to move on). Otherwise the resolve endpoint gives the commit and the
 * blob's etag; the content goes to {@code blobs/<etag>.incomplete} (resumed if a previous try left one), is
 * verified (an LFS file's sha256 against its etag, any file's size against the header), renamed into
 * {@code blobs/<etag>}, and linked as {@code snapshots/<commit>/<file> -> ../../blobs/<etag>}; then
 * {@code refs/<revision>} is written. A file that fails verification is deleted and never linked.
 *
 * <p>Each blob is guarded by {@code ROOT/.locks/models--ORG--NAME/<etag>.lock} (huggingface_hub's lock path),
 * held with an OS file lock, plus an in-process lock, so two threads or two JVMs produce one blob. (Python's
 * {@code filelock} uses {@code flock}, Java uses {@code fcntl} locks; on Linux the two do not exclude each other,
 * so a Python and a Java download of the same blob at the same moment can make one side's verification fail, but
 * never put an unverified file in a snapshot.)
 */
public final class HubDownloader {
    /** Files at least this large get a progress bar on standard error. */
    private static final long PROGRESS_BAR_BYTES = 8L << 20;
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final HubSettings settings;
    private final HubCache cache;
    private final HubClient client;

    /** A downloader with these settings. */
    public HubDownloader(HubSettings settings) {
        this.settings = settings;
        this.cache = settings.cache();
        this.client = new HubClient(settings);
    }

    /** The cache files go into. */
    HubCache cache() {
        return cache;
    }

    /**
     * The cached path of {@code file} at {@code revision}, downloading it when needed, or empty when the
     * repository does not have it.
     *
     * @throws HubException when offline and the cache cannot answer (naming repository, file and cache path),
     *     or when the download fails or does not verify
     */
    public Optional<Path> file(String repoId, String revision, String file) throws HubException {
        Optional<String> cachedCommit = cache.commitOf(repoId, revision);
        if (cachedCommit.isPresent()) {
            Path cached = cache.snapshotDir(repoId, cachedCommit.get()).resolve(file);
            if (Files.isRegularFile(cached)) {
                return Optional.of(cached);
            }
            if (Files.exists(cache.noExistFile(repoId, cachedCommit.get(), file))) {
                return Optional.empty();
            }
        }
        if (settings.offline()) {
            throw new HubException("offline (HF_HUB_OFFLINE or -D" + HubSettings.OFFLINE_PROPERTY + "): hf-hub:"
                    + repoId + "@" + revision + " file " + file + " is not in the cache at " + cache.repoDir(repoId)
                    + "; download it first while online (for example with the `models download` command)");
        }
        RemoteFile remote = client.metadata(repoId, revision, file);
        if (!remote.exists()) {
            if (remote.commit() != null) {
                recordAbsent(repoId, remote.commit(), file);
                writeRef(repoId, revision, remote.commit());
            }
            return Optional.empty();
        }
        Path linked = fetch(remote);
        writeRef(repoId, revision, remote.commit());
        return Optional.of(linked);
    }

    /**
     * Records that {@code file} does not exist at {@code commit} ({@code .no_exist/<commit>/<file>}, as
     * huggingface_hub records it), so a later lookup needs no request.
     */
    private void recordAbsent(String repoId, String commit, String file) throws HubException {
        Path marker = cache.noExistFile(repoId, commit, file);
        try {
            Files.createDirectories(marker.getParent());
            if (!Files.exists(marker)) {
                Files.createFile(marker);
            }
        } catch (FileAlreadyExistsException raced) {
            // Another process recorded it first; the marker is what matters.
        } catch (IOException e) {
            throw new HubException(marker + ": cannot record the absent file in the cache", e);
        }
    }

    private Path fetch(RemoteFile remote) throws HubException {
        Path snapshotFile = cache.snapshotDir(remote.repoId(), remote.commit()).resolve(remote.name());
        Path blob = cache.blob(remote.repoId(), remote.etag());
        Path lockFile = cache.lockFile(remote.repoId(), remote.etag());
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(lockFile.getParent());
            Files.createDirectories(blob.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                if (!Files.isRegularFile(blob)) {
                    downloadBlob(remote, blob);
                }
            }
            link(snapshotFile, blob);
            return snapshotFile;
        } catch (HubException e) {
            throw e;
        } catch (IOException e) {
            throw new HubException("hf-hub:" + remote.repoId() + " file " + remote.name() + ": cannot write the cache at "
                    + cache.repoDir(remote.repoId()) + " (" + e.getMessage() + ")", e);
        } finally {
            local.unlock();
        }
    }

    private void downloadBlob(RemoteFile remote, Path blob) throws IOException {
        Path partial = blob.resolveSibling(blob.getFileName() + ".incomplete");
        try (ProgressBar bar = progressBar(remote)) {
            client.download(remote, partial, done -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
        }
        verify(remote, partial);
        AtomicFiles.move(partial, blob);
    }

    private static void verify(RemoteFile remote, Path partial) throws IOException {
        String what = "hf-hub:" + remote.repoId() + " file " + remote.name();
        long size = Files.size(partial);
        if (remote.size() >= 0 && size != remote.size()) {
            Files.delete(partial);
            throw new HubException(what + ": refused: received " + size + " bytes, the hub announced " + remote.size()
                    + "; nothing was added to the cache");
        }
        if (remote.isLfs()) {
            String actual = Sha256.of(partial);
            if (!actual.equals(remote.etag())) {
                Files.delete(partial);
                throw new HubException(what + ": refused: sha256 " + actual + " does not match the hub's " + remote.etag()
                        + "; nothing was added to the cache");
            }
        }
    }

    private static ProgressBar progressBar(RemoteFile remote) {
        if (remote.size() < PROGRESS_BAR_BYTES) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(remote.name()).setInitialMax(remote.size()).setUnit(" MiB", 1 << 20)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).showSpeed()
                .build();
    }

    /** {@code snapshots/<commit>/<file>} as a relative link to the blob, put in place by one rename. */
    private static void link(Path snapshotFile, Path blob) throws IOException {
        Files.createDirectories(snapshotFile.getParent());
        if (Files.isRegularFile(snapshotFile)) {
            return;
        }
        Path target = snapshotFile.getParent().relativize(blob);
        Path temporary = snapshotFile.resolveSibling("." + snapshotFile.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".link");
        Files.createSymbolicLink(temporary, target);
        try {
            AtomicFiles.move(temporary, snapshotFile);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeRef(String repoId, String revision, String commit) throws HubException {
        if (HubCache.isCommit(revision) || cache.commitOf(repoId, revision).filter(commit::equals).isPresent()) {
            return;
        }
        Path ref = cache.refFile(repoId, revision);
        try {
            Files.createDirectories(ref.getParent());
            AtomicFiles.write(ref, out -> out.write(commit.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new HubException(ref + ": cannot write the cached ref", e);
        }
    }
}
