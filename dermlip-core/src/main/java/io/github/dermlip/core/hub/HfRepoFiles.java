package io.github.dermlip.core.hub;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a file of a Hugging Face model that an open_clip config names ({@code hf_model_name},
 * {@code hf_tokenizer_name}): first as a path, absolute or relative to the model folder, then in the Hugging Face
 * cache. Nothing is downloaded; every place looked at is recorded so that a miss can name them all.
 */
public final class HfRepoFiles {
    private final Path modelDir;
    private final HubCache cache;

    /**
     * @param modelDir the folder of the model whose config names the repository, or null when there is none
     * @param cache the Hugging Face cache to look in
     */
    public HfRepoFiles(Path modelDir, HubCache cache) {
        this.modelDir = modelDir;
        this.cache = cache;
    }

    /** A lookup in the model's folder and the cache of this process's environment. */
    public static HfRepoFiles forModelDir(Path modelDir) {
        return new HfRepoFiles(modelDir, HubCache.fromEnvironment());
    }

    /**
     * Looks {@code file} up for the model {@code name}.
     *
     * @param tried receives each place looked at, in order
     * @return the file when one of the places holds it
     */
    public Optional<Path> find(String name, String file, List<String> tried) {
        for (Path dir : pathCandidates(name)) {
            Path candidate = dir.resolve(file);
            tried.add(candidate.toString());
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        if (HubCache.isRepoId(name)) {
            tried.add(cache.repoDir(name).resolve("snapshots/*/" + file).toString());
            return cache.anySnapshotFile(name, file);
        }
        return Optional.empty();
    }

    private List<Path> pathCandidates(String name) {
        List<Path> dirs = new ArrayList<>();
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            return dirs;
        }
        if (path.isAbsolute()) {
            dirs.add(path);
        } else if (modelDir != null) {
            dirs.add(modelDir.resolve(path).normalize());
        }
        return dirs;
    }
}
