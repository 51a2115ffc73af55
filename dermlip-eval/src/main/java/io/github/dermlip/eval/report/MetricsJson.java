package io.github.dermlip.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.stats.Estimate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@code metrics.json}, the machine-readable record of a run (pretty-printed).
 *
 * <p>Layout: {@code {"schema": "dermlip-metrics/1", "provenance": {...}, "results": [{"model", "task", "dataset",
 * "metrics": {name: {"value", "low", "high"}}, "extras": {...}}], "per_class": [{"model", "task", "dataset",
 * "classes": [...], "metrics": {name: [...]}}], "confusion_matrices": [{"model", "task", "dataset", "classes":
 * [...], "counts": [[...]]}]}}. A value that is NaN (a bound that was not computed) or infinite is written as {@code null} and read back
 * as NaN.
 */
public final class MetricsJson {
    /** The schema tag written into every document. */
    public static final String SCHEMA = "dermlip-metrics/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {}

    /** Writes the document to a file, creating its folder. */
    public static void write(MetricsDocument doc, Path file) {
        TextFiles.write(file, toJson(doc) + "\n");
    }

    /** The document as pretty-printed JSON text. */
    public static String toJson(MetricsDocument doc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.set("provenance", provenance(doc.provenance()));
        ArrayNode results = root.putArray("results");
        for (ResultRow row : doc.results()) {
            ObjectNode node = key(results.addObject(), row.model(), row.task(), row.dataset());
            ObjectNode metrics = node.putObject("metrics");
            row.metrics().forEach((name, e) -> {
                ObjectNode m = metrics.putObject(name);
                putNumber(m, "value", e.value());
                putNumber(m, "low", e.low());
                putNumber(m, "high", e.high());
            });
            node.set("extras", JSON.valueToTree(row.extras()));
        }
        ArrayNode perClass = root.putArray("per_class");
        for (ClassTable table : doc.perClass()) {
            ObjectNode node = key(perClass.addObject(), table.model(), table.task(), table.dataset());
            node.set("classes", JSON.valueToTree(table.classNames()));
            ObjectNode metrics = node.putObject("metrics");
            table.metrics().forEach((name, values) -> {
                ArrayNode array = metrics.putArray(name);
                for (double v : values) {
                    addNumber(array, v);
                }
            });
        }
        ArrayNode confusions = root.putArray("confusion_matrices");
        for (ConfusionTable table : doc.confusions()) {
            ObjectNode node = key(confusions.addObject(), table.model(), table.task(), table.dataset());
            node.set("classes", JSON.valueToTree(table.classNames()));
            node.set("counts", JSON.valueToTree(table.counts()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise metrics document: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a document written by {@link #write}. */
    public static MetricsDocument read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a readable metrics.json: " + e.getMessage(), e);
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText())) {
            throw new IllegalArgumentException(file + ": expected \"schema\": \"" + SCHEMA + "\", found "
                    + (root == null ? "an empty file" : root.path("schema")));
        }
        Provenance provenance = readProvenance(file, root.path("provenance"));
        List<ResultRow> results = new ArrayList<>();
        for (JsonNode node : root.path("results")) {
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("metrics").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> m = it.next();
                metrics.put(m.getKey(), new Estimate(number(m.getValue().get("value")), number(m.getValue().get("low")),
                        number(m.getValue().get("high"))));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> extras = JSON.convertValue(node.path("extras"), Map.class);
            results.add(new ResultRow(text(file, node, "model"), text(file, node, "task"), text(file, node, "dataset"),
                    metrics, extras));
        }
        List<ClassTable> perClass = new ArrayList<>();
        for (JsonNode node : root.path("per_class")) {
            Map<String, double[]> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("metrics").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> m = it.next();
                double[] values = new double[m.getValue().size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = number(m.getValue().get(i));
                }
                metrics.put(m.getKey(), values);
            }
            perClass.add(new ClassTable(text(file, node, "model"), text(file, node, "task"), text(file, node, "dataset"),
                    strings(node.path("classes")), metrics));
        }
        List<ConfusionTable> confusions = new ArrayList<>();
        for (JsonNode node : root.path("confusion_matrices")) {
            confusions.add(new ConfusionTable(text(file, node, "model"), text(file, node, "task"),
                    text(file, node, "dataset"), strings(node.path("classes")),
                    JSON.convertValue(node.path("counts"), long[][].class)));
        }
        return new MetricsDocument(provenance, results, perClass, confusions);
    }

    private static ObjectNode provenance(Provenance p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", p.model());
        node.put("dataset", p.dataset());
        node.put("command_line", p.commandLine());
        node.put("seed", p.seed());
        node.put("library_version", p.libraryVersion());
        node.put("timestamp", p.timestamp());
        node.put("git_describe", p.gitDescribe());
        if (p.trainingRun() != null) {
            node.set("training_run", p.trainingRun().toJson());
        }
        return node;
    }

    private static Provenance readProvenance(Path file, JsonNode node) {
        JsonNode seed = node.get("seed");
        JsonNode git = node.get("git_describe");
        JsonNode run = node.get("training_run");
        return new Provenance(text(file, node, "model"), text(file, node, "dataset"), text(file, node, "command_line"),
                seed == null || seed.isNull() ? null : seed.asLong(), text(file, node, "library_version"),
                text(file, node, "timestamp"), git == null || git.isNull() ? null : git.asText(),
                run == null || run.isNull() ? null : trainingRun(file, run));
    }

    private static TrainingRun trainingRun(Path file, JsonNode run) {
        JsonNode data = run.get("data_sha256");
        return new TrainingRun(text(file, run, "run"), text(file, run, "params_sha256"),
                data == null || data.isNull() ? null : data.asText(), run.path("step").asLong());
    }

    private static ObjectNode key(ObjectNode node, String model, String task, String dataset) {
        node.put("model", model);
        node.put("task", task);
        node.put("dataset", dataset);
        return node;
    }

    private static void putNumber(ObjectNode node, String field, double v) {
        if (Double.isFinite(v)) {
            node.put(field, v);
        } else {
            node.putNull(field);
        }
    }

    private static void addNumber(ArrayNode array, double v) {
        if (Double.isFinite(v)) {
            array.add(v);
        } else {
            array.addNull();
        }
    }

    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    private static String text(Path file, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(file + ": field '" + field + "' missing or not a string in " + node);
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode n : array) {
            values.add(n.asText());
        }
        return values;
    }
}
