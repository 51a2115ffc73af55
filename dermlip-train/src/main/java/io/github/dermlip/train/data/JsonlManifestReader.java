package io.github.dermlip.train.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON-lines manifest: one JSON object per line, holding the image path and caption under the keys
 * of {@link ManifestOptions}; other keys are ignored, blank lines skipped. A {@code null} caption reads as an
 * empty one (skipped later as a bad sample).
 */
public final class JsonlManifestReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonlManifestReader() {}

    /**
     * Reads the manifest.
     *
     * @throws ManifestException when a line is not a JSON object, lacks a key (the message lists the keys it
     *     has) or holds an array or object where text is expected
     */
    public static ManifestSource read(Path manifest, ManifestOptions options) throws IOException {
        List<ManifestEntry> entries = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode object = parse(manifest, lineNumber, line);
                entries.add(new ManifestEntry(
                        text(manifest, lineNumber, object, options.imageKey()),
                        text(manifest, lineNumber, object, options.captionKey())));
            }
        }
        return new ManifestSource(manifest.toString(), options.resolveImageRoot(manifest), entries);
    }

    private static JsonNode parse(Path manifest, int lineNumber, String line) throws ManifestException {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node == null || !node.isObject()) {
                throw new ManifestException("manifest " + manifest + " line " + lineNumber + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ManifestException("manifest " + manifest + " line " + lineNumber + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String text(Path manifest, int lineNumber, JsonNode object, String key) throws ManifestException {
        JsonNode value = object.get(key);
        if (value == null) {
            List<String> available = new ArrayList<>();
            object.fieldNames().forEachRemaining(available::add);
            throw new ManifestException("manifest " + manifest + " line " + lineNumber + " has no key '" + key
                    + "'; available keys: " + available);
        }
        if (value.isNull()) {
            return "";
        }
        if (!value.isValueNode()) {
            throw new ManifestException("manifest " + manifest + " line " + lineNumber + ": key '" + key
                    + "' holds " + value.getNodeType() + ", expected text");
        }
        return value.asText();
    }
}
