package io.github.dermlip.eval.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.MetricsJson;
import io.github.dermlip.eval.report.ReportWriter;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.report.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a task's report files: {@link ReportWriter}'s standard set ({@code metrics.json}, {@code results.csv},
 * {@code results.md}, {@code results.tex}, confusion-matrix PNGs), with {@code metrics.json} extended by
 * top-level headline keys, and further JSON files.
 *
 * <p>The extended {@code metrics.json} keeps {@link MetricsJson}'s layout ({@code schema, provenance, results,
 * per_class, confusion_matrices}) and adds, right after {@code schema}, the task's headline entries (for example
 * {@code "accuracy": 0.81}); non-finite numbers are written as {@code null}. {@link MetricsJson#read} still reads
 * the file.
 */
final class ReportFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {}

    /**
     * Writes the standard files and the extended {@code metrics.json}.
     *
     * @param headline top-level entries of {@code metrics.json} (numbers, strings, lists, maps, arrays of doubles)
     * @return the files written
     */
    static List<Path> write(Path outDir, MetricsDocument doc, TableOptions tables, Map<String, Object> headline) {
        List<Path> written = new ArrayList<>(ReportWriter.writeAll(outDir, doc, tables));
        ObjectNode root = JSON.createObjectNode();
        JsonNode standard = parse(MetricsJson.toJson(doc));
        root.set("schema", standard.get("schema"));
        headline.forEach((key, value) -> root.set(key, JSON.valueToTree(finite(value))));
        for (Iterator<Map.Entry<String, JsonNode>> it = standard.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!root.has(field.getKey())) {
                root.set(field.getKey(), field.getValue());
            }
        }
        TextFiles.write(outDir.resolve(ReportWriter.METRICS_JSON), toJson(root) + "\n");
        return written;
    }

    /** Writes a JSON value (maps, lists, numbers, strings; non-finite numbers as null), pretty-printed. */
    static void writeJson(Path file, Object value) {
        TextFiles.write(file, toJson(JSON.valueToTree(finite(value))) + "\n");
    }

    /** The value with every non-finite double (also inside maps, lists and double arrays) replaced by null. */
    private static Object finite(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof double[] array) {
            List<Object> list = new ArrayList<>(array.length);
            for (double v : array) {
                list.add(Double.isFinite(v) ? v : null);
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, finite(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReportFiles::finite).toList();
        }
        return value;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("MetricsJson produced unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON: " + e.getOriginalMessage(), e);
        }
    }
}
