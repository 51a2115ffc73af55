package io.github.dermlip.core.hfclip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One JSON object of a Hugging Face file, read field by field with typed defaults; every error names the file
 * and the field's dotted path.
 */
final class JsonSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final String path;
    private final JsonNode node;

    private JsonSection(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
        if (!node.isObject()) {
            throw new ConfigException(source + ": " + (path.isEmpty() ? "the document" : "field '" + path + "'")
                    + " must be a JSON object, found " + describe(node));
        }
    }

    /** The root object of a JSON file. */
    static JsonSection read(Path file) {
        try {
            return new JsonSection(file.toString(), "", JSON.readTree(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The nested object {@code field}, or null when it is absent or null. */
    JsonSection objectOrNull(String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : new JsonSection(source, join(field), v);
    }

    /** The nested object {@code field}, or an empty one (every field at its default) when it is absent or null. */
    JsonSection objectOrEmpty(String field) {
        JsonSection nested = objectOrNull(field);
        return nested != null ? nested : new JsonSection(source, join(field), JSON.createObjectNode());
    }

    /** A copy of this object with the fields of {@code overrides} replacing its own (none when null). */
    JsonSection overriddenBy(JsonSection overrides) {
        if (overrides == null) {
            return this;
        }
        ObjectNode merged = node.deepCopy();
        merged.setAll((ObjectNode) overrides.node);
        return new JsonSection(source, path, merged);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The raw value of a field that is present. */
    JsonNode raw(String field) {
        return node.get(field);
    }

    int intOr(String field, int def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(field, "must be an integer, found " + describe(v));
        }
        return v.intValue();
    }

    double doubleOr(String field, double def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isNumber()) {
            throw error(field, "must be a number, found " + describe(v));
        }
        return v.doubleValue();
    }

    boolean boolOr(String field, boolean def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isBoolean()) {
            throw error(field, "must be true or false, found " + describe(v));
        }
        return v.booleanValue();
    }

    String stringOr(String field, String def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isTextual()) {
            throw error(field, "must be a string, found " + describe(v));
        }
        return v.textValue();
    }

    /** A list of exactly {@code size} numbers, or {@code def} when the field is absent. */
    List<Double> doublesOr(String field, int size, List<Double> def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isArray() || v.size() != size) {
            throw error(field, "must be a list of " + size + " numbers, found " + describe(v));
        }
        List<Double> out = new ArrayList<>(size);
        for (JsonNode x : v) {
            if (!x.isNumber()) {
                throw error(field, "must be a list of " + size + " numbers, found element " + describe(x));
            }
            out.add(x.doubleValue());
        }
        return out;
    }

    /** Refuses the first field that is in neither set: {@code read} (used) nor {@code ignored} (no effect here). */
    void refuseUnknown(Set<String> read, Set<String> ignored, String why) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name) && !ignored.contains(name)) {
                throw error(name, why);
            }
        }
    }

    /** An error about {@code field} of this object, naming the file and the field's path. */
    ConfigException error(String field, String what) {
        return new ConfigException(source + ": field '" + join(field) + "' " + what);
    }

    /** A record's own validation error (which names no file), about this object. */
    ConfigException wrap(ConfigException e) {
        return new ConfigException(source + ": " + (path.isEmpty() ? "" : "'" + path + "': ") + e.getMessage());
    }

    static String describe(JsonNode v) {
        String type = v.getNodeType().name().toLowerCase(Locale.ROOT);
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private String join(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
