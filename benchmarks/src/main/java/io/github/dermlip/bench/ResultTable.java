package io.github.dermlip.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A benchmark run's results: the rows (ours, PyTorch eager, ratio), the targets checked against them, and notes
 * on the conditions (machine load, versions, threads). Renders as Markdown, for the console and
 * {@code results.md}, and as JSON, for {@code results.json}.
 *
 * @param rows the measurements in table order
 * @param targets the target checks
 * @param notes lines describing the conditions of the run
 */
public record ResultTable(List<Measurement> rows, List<TargetCheck> targets, List<String> notes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the lists. */
    public ResultTable {
        rows = List.copyOf(rows);
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    /** The table, the targets and the notes as Markdown. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| Benchmark | Unit | DermLIP-JVM | PyTorch eager | Ratio |\n");
        out.append("|---|---|---:|---:|---:|\n");
        for (Measurement row : rows) {
            out.append("| ").append(row.name()).append(" | ").append(row.unit()).append(" | ")
                    .append(number(row.ours())).append(" | ")
                    .append(row.reference() == null ? "n/a" : number(row.reference())).append(" | ")
                    .append(row.ratio() == null ? "n/a" : String.format(Locale.ROOT, "%.2fx", row.ratio()))
                    .append(" |\n");
        }
        if (!targets.isEmpty()) {
            out.append("\n| Target | Result | Measured |\n|---|---|---|\n");
            for (TargetCheck check : targets) {
                out.append("| ").append(check.target()).append(" | ").append(check.status()).append(" | ")
                        .append(check.measured()).append(" |\n");
            }
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            for (String note : notes) {
                out.append("- ").append(note).append('\n');
            }
        }
        return out.toString();
    }

    /** The results as a JSON document. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode rowArray = root.putArray("rows");
        for (Measurement row : rows) {
            ObjectNode node = rowArray.addObject();
            node.put("key", row.key());
            node.put("name", row.name());
            node.put("unit", row.unit());
            node.put("ours", row.ours());
            if (row.reference() == null) {
                node.putNull("reference");
                node.putNull("ratio");
            } else {
                node.put("reference", row.reference());
                node.put("ratio", row.ratio());
            }
        }
        ArrayNode targetArray = root.putArray("targets");
        for (TargetCheck check : targets) {
            ObjectNode node = targetArray.addObject();
            node.put("target", check.target());
            node.put("status", check.status().name());
            node.put("measured", check.measured());
        }
        ArrayNode noteArray = root.putArray("notes");
        notes.forEach(noteArray::add);
        return root;
    }

    /** A figure with three significant digits or more (no exponent notation). */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
