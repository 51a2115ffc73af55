package io.github.dermlip.eval.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A directory of encoded features, one float32 {@code .npy} file per {@link FeatureKey}, so that repeated probes
 * (ten seeds, several data fractions) encode each image set once.
 *
 * <p>The file name is readable (model and data set, with characters other than letters, digits, {@code . _ -}
 * replaced by {@code _}) and ends in a hash of the full key, so distinct keys never share a file. Files are
 * written to a temporary name and moved into place, so a crash never leaves a truncated entry behind.
 */
public final class FeatureCache {
    private final Path directory;

    /** Cache rooted at {@code directory} (created on first store). */
    public FeatureCache(Path directory) {
        this.directory = directory;
    }

    /** The file that holds (or would hold) the features of {@code key}. */
    public Path pathOf(FeatureKey key) {
        String digest = FeatureKey.sha256(key.modelId() + '\0' + key.datasetId() + '\0' + key.fileListHash());
        return directory.resolve(slug(key.modelId()) + "__" + slug(key.datasetId()) + "__" + digest.substring(0, 16)
                + ".npy");
    }

    /** The cached features of {@code key}, if present. */
    public Optional<float[][]> load(FeatureKey key) throws IOException {
        Path file = pathOf(key);
        return Files.isRegularFile(file) ? Optional.of(Npy.readFloat32(file)) : Optional.empty();
    }

    /** Stores {@code features} under {@code key}, replacing an existing entry atomically. */
    public void store(FeatureKey key, float[][] features) throws IOException {
        Files.createDirectories(directory);
        Path target = pathOf(key);
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".part");
        try {
            Npy.writeFloat32(temporary, features);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String slug(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
