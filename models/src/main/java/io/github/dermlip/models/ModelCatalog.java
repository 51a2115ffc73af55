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

/**
 * Named open_clip architecture configs shipped as resources, and the registry of published DermLIP weights.
 *
 * <p>Architecture names follow open_clip ({@code ViT-B-16}, {@code ViT-B-16-quickgelu}); {@code derm-tiny} and
 * {@code derm-demo} are small configs for tests and the demo (the benchmarks read theirs from {@code ../shared/bench}).
 */
public final class ModelCatalog {
    private static final String BASE = "/io/github/dermlip/models/";
    private static final List<String> ARCHITECTURES =
            List.of("ViT-B-16", "ViT-B-16-quickgelu", "derm-demo", "derm-tiny");
    private static final Map<String, PretrainedModel> PRETRAINED = loadPretrained();

    private ModelCatalog() {}

    /** The architecture names that {@link #openArchitecture} accepts. */
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

    /** The published DermLIP checkpoints, by name. */
    public static Map<String, PretrainedModel> pretrained() {
        return PRETRAINED;
    }

    private static Map<String, PretrainedModel> loadPretrained() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(BASE + "pretrained.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, PretrainedModel> out = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> {
                JsonNode n = e.getValue();
                List<String> files = new ArrayList<>();
                n.get("files").forEach(f -> files.add(f.asText()));
                out.put(e.getKey(), new PretrainedModel(e.getKey(), n.get("architecture").asText(), n.get("hub").asText(),
                        List.copyOf(files), n.get("tokenizer").asText(), n.get("description").asText()));
            });
            return Collections.unmodifiableMap(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled pretrained.json", e);
        }
    }

    /**
     * Where a published checkpoint lives and what it holds.
     *
     * @param name registry name
     * @param architecture open_clip architecture name
     * @param hub open_clip hub id, for example {@code hf-hub:redlessone/DermLIP_ViT-B-16}
     * @param files files in the hub repository
     * @param tokenizer {@code clip-bpe} or {@code hf:REPO} for a Hugging Face tokenizer
     * @param description one line for humans
     */
    public record PretrainedModel(String name, String architecture, String hub, List<String> files, String tokenizer,
            String description) {
        /** The page a user downloads the files from. */
        public String downloadUrl() {
            return "https://huggingface.co/" + hub.substring(hub.indexOf(':') + 1);
        }
    }
}
