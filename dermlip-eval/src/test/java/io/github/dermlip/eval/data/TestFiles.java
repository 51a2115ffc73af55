package io.github.dermlip.eval.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the tiny metadata and placeholder image files the loader tests need. */
final class TestFiles {
    private TestFiles() {}

    /** Writes a text file, creating its folders. */
    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates placeholder image files (loaders only check that they exist). */
    static void images(Path dir, String... names) {
        for (String name : names) {
            write(dir.resolve(name), "img");
        }
    }
}
