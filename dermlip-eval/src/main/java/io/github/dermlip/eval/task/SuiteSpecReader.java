package io.github.dermlip.eval.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.hub.ModelReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.eval.data.CaptionCsv;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a benchmark suite from JSON. Relative paths are resolved against the suite file's folder; unknown fields
 * are errors (they are usually typos). Errors name the file and the field, e.g. {@code tasks[1].percent}.
 *
 * <pre>{@code
 * {
 *   "models": [{"name": "DermLIP-B16", "path": "models/dermlip-b16", "vocab": "bpe.txt.gz", "batch_size": 64}],
 *   "tasks": [
 *     {"type": "zeroshot", "dataset": "ham10000", "data_root": "data/HAM10000", "group_by": "sex"},
 *     {"type": "linear-probe", "dataset": "data/pad.csv", "percent": [1, 10, 100], "seeds": 5},
 *     {"type": "linear-probe", "name": "pad-fewshot", "dataset": "data/pad.csv", "shots": [1, 2, 4, 8, 16]},
 *     {"type": "retrieval", "data": "skincap", "data_root": "data/skincap"},
 *     {"type": "concepts", "data": "data/skincon.csv", "data_root": "data/images", "terms": "terms.json"}
 *   ],
 *   "seed": 0,
 *   "bootstrap": 1000,
 *   "vocab": "bpe_simple_vocab_16e6.txt.gz",
 *   "batch_size": 32
 * }
 * }</pre>
 *
 * Top level: {@code models} and {@code tasks} (required), {@code seed} (0), {@code bootstrap} (1000), and defaults
 * for every model {@code vocab} and {@code batch_size} (32). A model: {@code name}, {@code path} (a folder, relative
 * to the suite file, or {@code hf-hub:ORG/NAME[@REVISION]}, or a registry name such as {@code DermLIP_ViT-B-16}),
 * optional {@code vocab}, {@code batch_size}. A task: {@code type} and optional {@code name} (its report folder; by default
 * type and dataset), and per type:
 * <ul>
 *   <li>{@code zeroshot}: {@code dataset}, {@code data_root}, optional {@code classes}, {@code templates},
 *       {@code group_by}, {@code split};</li>
 *   <li>{@code linear-probe}: {@code dataset}, {@code data_root}, either {@code percent} or {@code shots} (arrays),
 *       optional {@code seeds} (5), {@code select_c} (false), {@code test_split} ("test"), {@code cache};</li>
 *   <li>{@code retrieval}: {@code data}, optional {@code data_root}, {@code image_key} ("filepath"),
 *       {@code caption_key} ("title");</li>
 *   <li>{@code concepts}: {@code data}, {@code terms}, optional {@code data_root}, {@code templates}.</li>
 * </ul>
 */
public final class SuiteSpecReader {
    /** Default number of seeds of a linear-probe task. */
    public static final int DEFAULT_SEEDS = 5;
    /** Default batch size of a model. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private static final Set<String> TOP = Set.of("models", "tasks", "seed", "bootstrap", "vocab", "batch_size");
    private static final Set<String> MODEL = Set.of("name", "path", "vocab", "batch_size");
    private static final Set<String> ZERO_SHOT = Set.of("type", "name", "dataset", "data_root", "classes",
            "templates", "group_by", "split");
    private static final Set<String> PROBE = Set.of("type", "name", "dataset", "data_root", "percent", "shots",
            "seeds", "select_c", "test_split", "cache");
    private static final Set<String> RETRIEVAL = Set.of("type", "name", "data", "data_root", "image_key",
            "caption_key");
    private static final Set<String> CONCEPTS = Set.of("type", "name", "data", "data_root", "terms", "templates");

    private final Path file;
    private final Path base;

    private SuiteSpecReader(Path file) {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.base = parent == null ? Path.of("") : parent;
    }

    /**
     * Reads a suite file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and field when the content is wrong
     */
    public static SuiteSpec read(Path file) throws IOException {
        return new SuiteSpecReader(file).parse();
    }

    private SuiteSpec parse() throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a JSON object with \"models\" and \"tasks\"");
        }
        checkFields(root, TOP, "the top level");
        Path defaultVocab = optionalPath(root, "vocab", "");
        int defaultBatch = integer(root, "batch_size", "", DEFAULT_BATCH_SIZE);
        List<SuiteModel> models = new ArrayList<>();
        JsonNode modelArray = array(root, "models", "");
        for (int i = 0; i < modelArray.size(); i++) {
            JsonNode node = modelArray.get(i);
            String where = "models[" + i + "].";
            checkFields(node, MODEL, "models[" + i + "]");
            Path vocab = optionalPath(node, "vocab", where);
            models.add(new SuiteModel(text(node, "name", where), reference(node, "path", where),
                    vocab != null ? vocab : defaultVocab, integer(node, "batch_size", where, defaultBatch)));
        }
        List<SuiteTask> tasks = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        JsonNode taskArray = array(root, "tasks", "");
        for (int i = 0; i < taskArray.size(); i++) {
            tasks.add(task(taskArray.get(i), "tasks[" + i + "]", labels));
        }
        long seed = integer(root, "seed", "", 0);
        int bootstrap = integer(root, "bootstrap", "", Bootstrap.DEFAULT_RESAMPLES);
        try {
            return new SuiteSpec(models, tasks, seed, bootstrap);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private SuiteTask task(JsonNode node, String name, Set<String> labels) {
        String where = name + ".";
        String type = text(node, "type", where);
        switch (type) {
            case "zeroshot" -> {
                checkFields(node, ZERO_SHOT, name);
                String dataset = text(node, "dataset", where);
                return new SuiteTask.ZeroShot(label(node, where, type, dataset, labels), nameOrPath(dataset),
                        path(node, "data_root", where), optionalPath(node, "classes", where),
                        optionalPath(node, "templates", where), optionalText(node, "group_by", where),
                        optionalText(node, "split", where));
            }
            case "linear-probe" -> {
                checkFields(node, PROBE, name);
                String dataset = text(node, "dataset", where);
                return new SuiteTask.LinearProbe(label(node, where, type, dataset, labels), nameOrPath(dataset),
                        path(node, "data_root", where), budgets(node, where), integer(node, "seeds", where,
                                DEFAULT_SEEDS), bool(node, "select_c", where), textOr(node, "test_split", where,
                                LinearProbeSettings.DEFAULT_TEST_SPLIT), optionalPath(node, "cache", where));
            }
            case "retrieval" -> {
                checkFields(node, RETRIEVAL, name);
                String data = text(node, "data", where);
                return new SuiteTask.Retrieval(label(node, where, type, data, labels), nameOrPath(data),
                        optionalPath(node, "data_root", where),
                        textOr(node, "image_key", where, CaptionCsv.DEFAULT_IMAGE_KEY),
                        textOr(node, "caption_key", where, CaptionCsv.DEFAULT_CAPTION_KEY));
            }
            case "concepts" -> {
                checkFields(node, CONCEPTS, name);
                String data = text(node, "data", where);
                return new SuiteTask.Concepts(label(node, where, type, data, labels), base.resolve(data),
                        optionalPath(node, "data_root", where), path(node, "terms", where),
                        optionalPath(node, "templates", where));
            }
            default -> throw new IllegalArgumentException(file + ": " + where + "type: unknown task type '" + type
                    + "'; expected zeroshot, linear-probe, retrieval or concepts");
        }
    }

    /** A CSV path resolved against the suite's folder; a registry name as it is. */
    private String nameOrPath(String dataset) {
        return dataset.toLowerCase(Locale.ROOT).endsWith(".csv") ? base.resolve(dataset).toString() : dataset;
    }

    /** The explicit {@code name}, or type and dataset stem, made unique with a counter. */
    private String label(JsonNode node, String where, String type, String dataset, Set<String> labels) {
        String explicit = optionalText(node, "name", where);
        if (explicit != null) {
            labels.add(explicit);
            return explicit;
        }
        String stem = Path.of(dataset).getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        String label = type + "-" + stem;
        for (int i = 2; labels.contains(label); i++) {
            label = type + "-" + stem + "-" + i;
        }
        labels.add(label);
        return label;
    }

    private List<ProbeBudget> budgets(JsonNode node, String where) {
        boolean percent = node.has("percent");
        boolean shots = node.has("shots");
        if (percent == shots) {
            throw new IllegalArgumentException(file + ": " + where + "percent/shots: give exactly one of the two");
        }
        String field = percent ? "percent" : "shots";
        JsonNode values = array(node, field, where);
        List<ProbeBudget> budgets = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (!v.isNumber()) {
                throw new IllegalArgumentException(file + ": " + where + field + "[" + i + "] must be a number");
            }
            try {
                budgets.add(percent ? ProbeBudget.percent(v.asDouble()) : new ProbeBudget(ProbeBudget.Kind.SHOTS,
                        v.asDouble()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + where + field + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return budgets;
    }

    private void checkFields(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": " + where + " must be a JSON object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!allowed.contains(field)) {
                throw new IllegalArgumentException(file + ": " + where + ": unknown field '" + field
                        + "'; allowed: " + allowed.stream().sorted().toList());
            }
        }
    }

    private JsonNode array(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + where + field + " must be a non-empty array");
        }
        return value;
    }

    private String text(JsonNode node, String field, String where) {
        String value = optionalText(node, field, where);
        if (value == null) {
            throw new IllegalArgumentException(file + ": " + where + field + " is required");
        }
        return value;
    }

    private String textOr(JsonNode node, String field, String where, String fallback) {
        String value = optionalText(node, field, where);
        return value == null ? fallback : value;
    }

    private String optionalText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": " + where + field + " must be a non-blank string");
        }
        return value.asText();
    }

    private ModelReference reference(JsonNode node, String field, String where) {
        String value = text(node, field, where);
        try {
            return ModelReference.parse(value, base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + where + field + ": " + e.getMessage(), e);
        }
    }

    private Path path(JsonNode node, String field, String where) {
        return base.resolve(text(node, field, where));
    }

    private Path optionalPath(JsonNode node, String field, String where) {
        String value = optionalText(node, field, where);
        return value == null ? null : base.resolve(value);
    }

    private int integer(JsonNode node, String field, String where, int fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(file + ": " + where + field + " must be an integer");
        }
        return value.asInt();
    }

    private boolean bool(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(file + ": " + where + field + " must be true or false");
        }
        return value.asBoolean();
    }
}
