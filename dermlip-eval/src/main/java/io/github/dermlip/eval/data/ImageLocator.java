package io.github.dermlip.eval.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the image files that a metadata file names, relative to a dataset folder.
 *
 * <p>A name is first tried as a path under the folder and under each of the expected subfolders. For releases whose
 * metadata gives bare file names ({@link #searching}), the whole folder tree is then indexed once (lazily) and the
 * file looked up by its file name, then by its name without extension (so {@code ISIC_0000000} or a {@code .jpg}
 * converted to {@code .png} are found); when several files share a name the shallowest, then lexicographically
 * first, wins. Metadata with explicit relative paths uses {@link #exact} so a wrong path is never "repaired" by
 * a same-named file elsewhere.
 */
final class ImageLocator {
    /** File extensions treated as images, lower case. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "webp", "tif", "tiff");

    private final Path root;
    private final List<String> subfolders;
    private final boolean searchTree;
    private Map<String, Path> byName;
    private Map<String, Path> byStem;

    private ImageLocator(Path root, List<String> subfolders, boolean searchTree) {
        this.root = root;
        this.subfolders = List.copyOf(subfolders);
        this.searchTree = searchTree;
    }

    /** Paths relative to {@code root} only. */
    static ImageLocator exact(Path root) {
        return new ImageLocator(root, List.of(), false);
    }

    /**
     * Bare names: tried under {@code root}, then under each expected subfolder, then anywhere below {@code root}.
     *
     * @param subfolders folders under {@code root} where the release puts its images, tried in order
     */
    static ImageLocator searching(Path root, List<String> subfolders) {
        return new ImageLocator(root, subfolders, true);
    }

    /** The folder searched. */
    Path root() {
        return root;
    }

    /** The image file for a name or relative path from the metadata, or null when there is none. */
    Path locate(String name) {
        Path direct = root.resolve(name);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        for (String sub : subfolders) {
            Path candidate = root.resolve(sub).resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        if (!searchTree) {
            return null;
        }
        if (byName == null) {
            buildIndex();
        }
        String fileName = Path.of(name).getFileName().toString();
        Path found = byName.get(fileName);
        return found != null ? found : byStem.get(stem(fileName));
    }

    private void buildIndex() {
        byName = new HashMap<>();
        byStem = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(ImageLocator::isImageFile)
                    .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString))
                    .forEach(p -> {
                        String fileName = p.getFileName().toString();
                        byName.putIfAbsent(fileName, p);
                        byStem.putIfAbsent(stem(fileName), p);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list images under " + root, e);
        }
    }

    /** True for a regular file with an image extension. */
    static boolean isImageFile(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                && Files.isRegularFile(p);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
