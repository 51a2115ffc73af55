package io.github.dermlip.eval.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Locates a public release's metadata file in the folder the user points at. */
final class ReleaseFiles {
    private static final int LISTED = 20;

    private ReleaseFiles() {}

    /**
     * The metadata file: {@code dataRoot} itself when it is a file, else the first of the candidate file names found
     * in {@code dataRoot} or one folder below it.
     */
    static Path metadata(String dataset, Path dataRoot, List<String> candidates) {
        if (Files.isRegularFile(dataRoot)) {
            return dataRoot;
        }
        if (!Files.isDirectory(dataRoot)) {
            throw new DatasetException(dataset + ": " + dataRoot + " does not exist; expected the dataset folder"
                    + " holding " + String.join(" or ", candidates));
        }
        for (String name : candidates) {
            Optional<Path> found = find(dataRoot, name);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new DatasetException(dataset + ": expected " + String.join(" or ", candidates) + " in " + dataRoot
                + " (or one folder below); found: " + listing(dataRoot));
    }

    /** The folder images are looked for in: the option, else the metadata file's folder. */
    static Path imageRoot(Path metadata, LoadOptions options) {
        if (options.imageRoot() != null) {
            return options.imageRoot();
        }
        Path parent = metadata.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of("");
    }

    /** Refuses a class-name override for a dataset whose label order is fixed. */
    static void rejectClassNames(String dataset, LoadOptions options) {
        if (options.classNames() != null) {
            throw new DatasetException(dataset + " has a fixed class list; a class-name override applies only to the"
                    + " generic CSV and MM-Skin loaders");
        }
    }

    private static Optional<Path> find(Path dir, String name) {
        try (Stream<Path> paths = Files.find(dir, 2, (p, attrs) -> attrs.isRegularFile()
                && p.getFileName().toString().equals(name))) {
            return paths.min(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static String listing(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : ""))
                    .sorted().toList();
            return names.size() <= LISTED ? names.toString()
                    : names.subList(0, LISTED) + " and " + (names.size() - LISTED) + " more";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
