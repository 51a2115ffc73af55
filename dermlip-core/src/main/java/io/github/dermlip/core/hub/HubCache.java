package io.github.dermlip.core.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Hugging Face hub cache, laid out exactly as huggingface_hub lays it out, so Java and Python share one cache.
 *
 * <p>{@code ROOT/models--ORG--NAME/} holds {@code blobs/<etag>}, {@code snapshots/<commit>/<file>} (links to the
 * blobs) and {@code refs/<revision>} (a file holding the commit). The root is {@code $HF_HUB_CACHE}, else
 * {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}. This class only locates things; it never downloads.
 */
public final class HubCache {
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final Path root;

    /** A cache rooted at {@code root} (the folder holding the {@code models--*} folders). */
    public HubCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The cache this process's environment names, as huggingface_hub resolves it. */
    public static HubCache fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The cache named by {@code env} ({@code HF_HUB_CACHE}, else {@code HF_HOME/hub}), else under {@code home}. */
    public static HubCache fromEnvironment(Map<String, String> env, Path home) {
        String hubCache = env.get("HF_HUB_CACHE");
        if (hubCache != null && !hubCache.isBlank()) {
            return new HubCache(Path.of(hubCache));
        }
        String hfHome = env.get("HF_HOME");
        if (hfHome != null && !hfHome.isBlank()) {
            return new HubCache(Path.of(hfHome, "hub"));
        }
        return new HubCache(home.resolve(".cache/huggingface/hub"));
    }

    /** The cache root. */
    public Path root() {
        return root;
    }

    /** True when {@code repoId} has the {@code ORG/NAME} form the hub accepts. */
    public static boolean isRepoId(String repoId) {
        return repoId != null && REPO_ID.matcher(repoId).matches() && !repoId.contains("..");
    }

    /** True when {@code revision} is a full 40-hex-digit commit hash. */
    public static boolean isCommit(String revision) {
        return revision != null && COMMIT.matcher(revision).matches();
    }

    /**
     * The folder of a model repository, {@code ROOT/models--ORG--NAME}.
     *
     * @throws IllegalArgumentException when {@code repoId} is not of the form {@code ORG/NAME}
     */
    public Path repoDir(String repoId) {
        if (!isRepoId(repoId)) {
            throw new IllegalArgumentException("'" + repoId + "' is not a hub repository id of the form ORG/NAME");
        }
        return root.resolve("models--" + repoId.replace("/", "--"));
    }

    /** {@code repoDir/blobs/<etag>}. */
    public Path blob(String repoId, String etag) {
        return repoDir(repoId).resolve("blobs").resolve(etag);
    }

    /** {@code repoDir/snapshots/<commit>}. */
    public Path snapshotDir(String repoId, String commit) {
        if (!isCommit(commit)) {
            throw new IllegalArgumentException("'" + commit + "' is not a 40-digit commit hash");
        }
        return repoDir(repoId).resolve("snapshots").resolve(commit);
    }

    /** {@code repoDir/refs/<revision>} (a branch or tag name, possibly with slashes). */
    public Path refFile(String repoId, String revision) {
        return repoDir(repoId).resolve("refs").resolve(revision);
    }

    /**
     * {@code repoDir/.no_exist/<commit>/<file>}: the empty marker huggingface_hub leaves for a file that commit
     * does not have, so that a later lookup needs no request.
     */
    public Path noExistFile(String repoId, String commit, String file) {
        if (!isCommit(commit)) {
            throw new IllegalArgumentException("'" + commit + "' is not a 40-digit commit hash");
        }
        return repoDir(repoId).resolve(".no_exist").resolve(commit).resolve(file);
    }

    /** {@code ROOT/.locks/models--ORG--NAME/<etag>.lock}: where huggingface_hub locks a blob while it downloads. */
    public Path lockFile(String repoId, String etag) {
        return root.resolve(".locks").resolve(repoDir(repoId).getFileName()).resolve(etag + ".lock");
    }

    /** The commit that {@code refs/<revision>} names, or empty when the cache has no such ref. */
    public Optional<String> commitOf(String repoId, String revision) {
        if (isCommit(revision)) {
            return Optional.of(revision);
        }
        Path ref = refFile(repoId, revision);
        if (!Files.isRegularFile(ref)) {
            return Optional.empty();
        }
        try {
            String commit = Files.readString(ref, StandardCharsets.UTF_8).trim();
            return isCommit(commit) ? Optional.of(commit) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(ref + ": cannot read the cached ref", e);
        }
    }

    /** The snapshot folder of {@code revision} (a commit, branch or tag), when the cache has it. */
    public Optional<Path> snapshot(String repoId, String revision) {
        return commitOf(repoId, revision).map(c -> snapshotDir(repoId, c)).filter(Files::isDirectory);
    }

    /**
     * A cached file of {@code revision}, when its snapshot holds it (a link whose blob exists counts, a dangling
     * link does not).
     */
    public Optional<Path> snapshotFile(String repoId, String revision, String file) {
        return snapshot(repoId, revision).map(s -> s.resolve(file)).filter(Files::isRegularFile);
    }

    /**
     * A cached file from any snapshot of the repository: {@code refs/main}'s first, then the most recently
     * modified snapshot that holds it. This is how a model names another repository (for example a text tower's
     * {@code hf_model_name}) without pinning a revision.
     */
    public Optional<Path> anySnapshotFile(String repoId, String file) {
        Optional<Path> main = snapshotFile(repoId, "main", file);
        if (main.isPresent()) {
            return main;
        }
        Path snapshots = repoDir(repoId).resolve("snapshots");
        if (!Files.isDirectory(snapshots)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(snapshots)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve(file))).forEach(candidates::add);
        } catch (IOException e) {
            throw new UncheckedIOException(snapshots + ": cannot list the cached snapshots", e);
        }
        return candidates.stream().max(Comparator.comparing(HubCache::modified)).map(d -> d.resolve(file));
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
