package io.github.dermlip.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the named architecture configs by listing a resource folder, as open_clip scans its {@code model_configs/}:
 * every {@code NAME.json} there is the architecture {@code NAME}. Works whether the folder is a directory on the
 * class path or inside a jar.
 */
final class ArchitectureIndex {
    private static final String SUFFIX = ".json";

    private ArchitectureIndex() {}

    /** The sorted names of the {@code *.json} files in the folder at {@code folder} (a file or jar URL). */
    static List<String> scan(URL folder) {
        if (folder == null) {
            throw new IllegalStateException("the architecture config folder is not on the class path");
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                String spec = uri.getSchemeSpecificPart();
                try (FileSystem jar = openJar(uri, spec.substring(0, spec.indexOf("!/")))) {
                    return names(jar.getPath(spec.substring(spec.indexOf("!/") + 1)));
                }
            }
            return names(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the architecture configs", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(folder + ": not a valid resource URL", e);
        }
    }

    private static FileSystem openJar(URI uri, String jarFile) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Someone else has the jar open as a file system; open a private view of it, which is ours to close.
            return FileSystems.newFileSystem(Path.of(URI.create(jarFile)), Map.of());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length())).sorted().toList();
        }
    }
}
