package io.github.dermlip.core.prompts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads custom class lists and prompt templates from text files.
 *
 * <p>A file is either a JSON array of strings ({@code ["nevus", "melanoma"]}) or plain text with one entry per
 * line; surrounding whitespace is trimmed and blank lines are skipped. A class list takes its name from the file
 * name without extension.
 */
public final class PromptFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PromptFiles() {}

    /** Reads a class list; label {@code i} is the {@code i}-th entry. */
    public static ClassList readClassList(Path file) {
        List<String> labels = readEntries(file);
        try {
            return new ClassList(baseName(file), labels);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads prompt templates, each holding a {@code {}} placeholder. */
    public static PromptTemplates readTemplates(Path file) {
        List<String> templates = readEntries(file);
        try {
            return new PromptTemplates(templates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The entries of a JSON-array or one-per-line file. */
    static List<String> readEntries(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String body = text.strip();
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1).strip();
        }
        return body.startsWith("[") ? jsonEntries(file, body) : lineEntries(body);
    }

    private static List<String> jsonEntries(Path file, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": starts with '[' but is not a valid JSON array: "
                    + e.getOriginalMessage());
        }
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.isTextual()) {
                throw new IllegalArgumentException(file + ": JSON element " + i + " must be a string, found " + node);
            }
            entries.add(node.asText().strip());
        }
        return entries;
    }

    private static List<String> lineEntries(String body) {
        List<String> entries = new ArrayList<>();
        for (String line : body.split("\\R")) {
            if (!line.isBlank()) {
                entries.add(line.strip());
            }
        }
        return entries;
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
