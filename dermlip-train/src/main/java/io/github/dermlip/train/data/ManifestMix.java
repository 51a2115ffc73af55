package io.github.dermlip.train.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several manifests trained on as one data set, the manifest counterpart of open_clip's {@code ::}-joined
 * {@code --train-data}: their rows are concatenated in the order given (an epoch shuffles them together), each
 * image path resolved against its own manifest's image root, so the manifests may live in different folders and
 * have different formats.
 */
public final class ManifestMix {
    private ManifestMix() {}

    /** The rows of all sources in one source; a single source is returned as it is. */
    public static ManifestSource of(List<ManifestSource> sources) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no manifests to mix");
        }
        if (sources.size() == 1) {
            return sources.get(0);
        }
        List<ManifestEntry> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ManifestSource source : sources) {
            names.add(source.description());
            for (int row = 0; row < source.rows(); row++) {
                ManifestEntry entry = source.entry(row);
                String path = entry.imagePath().isBlank() ? entry.imagePath()
                        : source.imageRoot().resolve(entry.imagePath()).toString();
                entries.add(new ManifestEntry(path, entry.caption()));
            }
        }
        return new ManifestSource(String.join("::", names), Path.of("").toAbsolutePath(), entries);
    }
}
