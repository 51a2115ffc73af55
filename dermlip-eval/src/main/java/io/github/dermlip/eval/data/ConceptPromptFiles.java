package io.github.dermlip.eval.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.eval.concepts.PromptPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads concept prompt pairs (a template with a {@code {}} placeholder and its concept-free reference sentence)
 * from a file: either a JSON array whose elements are {@code {"template": ..., "reference": ...}} objects or
 * {@code [template, reference]} arrays, or plain text with one pair per line written {@code template | reference}
 * (blank lines skipped).
 */
public final class ConceptPromptFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConceptPromptFiles() {}

    /**
     * Reads the pairs.
     *
     * @throws IllegalArgumentException naming the file and the entry at fault
     */
    public static List<PromptPair> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<PromptPair> pairs = text.startsWith("[") ? fromJson(file, text) : fromLines(file, text);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(file + ": no prompt pairs");
        }
        return pairs;
    }

    private static List<PromptPair> fromJson(Path file, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": starts with '[' but is not a valid JSON array: "
                    + e.getOriginalMessage());
        }
        List<PromptPair> pairs = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            JsonNode template = node.isArray() ? node.get(0) : node.get("template");
            JsonNode reference = node.isArray() ? node.get(1) : node.get("reference");
            if (template == null || !template.isTextual() || reference == null || !reference.isTextual()
                    || (node.isArray() && node.size() != 2)) {
                throw new IllegalArgumentException(file + ": element " + i + " must be {\"template\": ..., "
                        + "\"reference\": ...} or [template, reference], found " + node);
            }
            pairs.add(pair(file, "element " + i, template.asText().strip(), reference.asText().strip()));
        }
        return pairs;
    }

    private static List<PromptPair> fromLines(Path file, String text) {
        List<PromptPair> pairs = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int bar = lines[i].indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + " must read 'template | reference'");
            }
            pairs.add(pair(file, "line " + (i + 1), lines[i].substring(0, bar).strip(),
                    lines[i].substring(bar + 1).strip()));
        }
        return pairs;
    }

    private static PromptPair pair(Path file, String where, String template, String reference) {
        try {
            return new PromptPair(template, reference);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + where + ": " + e.getMessage(), e);
        }
    }
}
