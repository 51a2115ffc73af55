package io.github.dermlip.eval.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The lines of a UTF-8 text file, one caption each: empty lines count, a final line break does not start another
 * line, {@code \n}, {@code \r\n} and {@code \r} all end a line, and a leading byte-order mark is dropped.
 */
final class TextLines {
    private TextLines() {}

    /** The file's lines (an empty file has none). */
    static List<String> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }
}
