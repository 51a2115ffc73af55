package io.github.dermlip.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Named open_clip architecture configs shipped as resources, and the registry of published checkpoints.
 *
 * <p>Architectures are every {@code NAME.json} in the resource folder {@code io/github/dermlip/models/configs/},
 * found by listing it ({@link ArchitectureIndex}); adding a config is adding its file. Names follow open_clip
 * ({@code ViT-B-16}, {@code ViT-B-16-quickgelu}); {@code derm-tiny} and {@code derm-demo} are
 * small configs for tests and the demo (the benchmarks read theirs from {@code ../shared/bench}). The registry is
 * {@code io/github/dermlip/models/pretrained.json}.
 */
public final class ModelCatalog {
    private static final String BASE = "/io/github/dermlip/models/";
    private static final String REGISTRY = BASE + "pretrained.json";
    private static final Set<String> FIELDS = Set.of("hub", "revision", "layout", "files", "architecture", "tokenizer",
            "licence", "verified");
    private static final List<String> ARCHITECTURES = ArchitectureIndex.scan(ModelCatalog.class.getResource(BASE
            + "configs/"));
    private static final Map<String, PretrainedModel> PRETRAINED = loadPretrained();

    private ModelCatalog() {}

    /** The architecture names that {@link #openArchitecture} accepts, sorted. */
    public static List<String> architectures() {
        return ARCHITECTURES;
    }

    /** Opens the bare {@code model_cfg} JSON of a named architecture. */
    public static InputStream openArchitecture(String name) {
        if (!ARCHITECTURES.contains(name)) {
            throw new NoSuchElementException("Unknown model '" + name + "'; known: " + ARCHITECTURES);
        }
        return ModelCatalog.class.getResourceAsStream(BASE + "configs/" + name + ".json");
    }

    /** The published checkpoints, by registry name, in registry order. */
    public static Map<String, PretrainedModel> pretrained() {
        return PRETRAINED;
    }

    /** The published checkpoint called {@code name}, if the registry has it. */
    public static Optional<PretrainedModel> pretrained(String name) {
        return Optional.ofNullable(PRETRAINED.get(name));
    }

    private static Map<String, PretrainedModel> loadPretrained() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(REGISTRY)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, PretrainedModel> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
                out.put(e.getKey(), entry(e.getKey(), e.getValue()));
            }
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + REGISTRY, e);
        }
    }

    private static PretrainedModel entry(String name, JsonNode n) {
        String where = REGISTRY + ": \"" + name + "\"";
        n.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new IllegalStateException(where + ": unknown field \"" + f + "\"; known: " + FIELDS);
            }
        });
        List<String> files = new ArrayList<>();
        n.path("files").forEach(f -> files.add(f.asText()));
        String hub = text(n, "hub", where);
        if (!hub.startsWith("hf-hub:")) {
            throw new IllegalStateException(where + ": \"hub\" must start with hf-hub:, got " + hub);
        }
        return new PretrainedModel(name, hub.substring("hf-hub:".length()), text(n, "revision", where),
                text(n, "layout", where), files, text(n, "architecture", where), text(n, "tokenizer", where),
                text(n, "licence", where), text(n, "verified", where));
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode value = n.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException(where + ": \"" + field + "\" is missing or not a string");
        }
        return value.asText();
    }
}
