package io.github.dermlip.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.jsonl}: one JSON object per line, appended as training goes, kept across resumes. Lines of
 * {@code "type": "train"} are written every {@code --log-every-n-steps} steps, lines of {@code "type": "epoch"}
 * after each epoch with the validation and zero-shot metrics.
 */
public final class ResultsLog {
    /** File name inside the run folder. */
    public static final String FILE_NAME = "results.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    /** A log appending to {@code runDirectory/results.jsonl}. */
    public ResultsLog(Path runDirectory) {
        this.file = runDirectory.resolve(FILE_NAME);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** A new, empty record to fill and {@link #append}. */
    public static ObjectNode record(String type) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type);
        return node;
    }

    /** Appends one line. */
    public void append(ObjectNode record) throws IOException {
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Every record of a results file; a torn last line (a run killed while writing) is skipped. */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    if (i != lines.size() - 1) {
                        throw new IOException(file + ": line " + (i + 1) + " is not JSON: " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
