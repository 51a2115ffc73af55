package io.github.dermlip.eval.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The images of a folder: its regular files (not those of subfolders) whose extension, in any case, is png, jpg,
 * jpeg, bmp, webp or gif, sorted by file name.
 */
final class ImageFiles {
    /** Extensions taken as images. */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "webp", "gif");

    private ImageFiles() {}

    /**
     * The image files of {@code dir} in name order.
     *
     * @throws IOException when the folder does not exist, is not a folder, or holds no image
     */
    static List<Path> list(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new FileNotFoundException(dir + ": image folder does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new FileNotFoundException(dir + ": not a folder (expected a folder of images)");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile).filter(ImageFiles::hasImageExtension)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        if (files.isEmpty()) {
            throw new FileNotFoundException(dir + ": no image files (" + String.join(", ",
                    EXTENSIONS.stream().sorted().toList()) + ") in this folder");
        }
        return files;
    }

    static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
