package io.github.dermlip.core.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The training run a checkpoint comes from, saved as {@value #FILE_NAME} in the checkpoint's hub directory: the
 * run's name, the SHA-256 of its {@code params.json}, the SHA-256 of its training manifest and the optimizer step
 * the weights were saved at. Evaluation copies this record into {@code metrics.json}, so a reported figure links
 * to the exact run, data and step behind it rather than to a path and a modification time.
 *
 * @param run the run's name (its folder under {@code --logs})
 * @param paramsSha256 SHA-256 (hex) of the run's {@code params.json} bytes
 * @param dataSha256 SHA-256 (hex) of the training manifest's bytes, or null when the data is not one file
 *     (WebDataset shards)
 * @param step optimizer steps done when the checkpoint was written
 */
public record TrainingRun(String run, String paramsSha256, String dataSha256, long step) {
    /** The record's file in a checkpoint directory. */
    public static final String FILE_NAME = "training_run.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The same run at another step. */
    public TrainingRun atStep(long newStep) {
        return new TrainingRun(run, paramsSha256, dataSha256, newStep);
    }

    /** The record as JSON, the form {@code metrics.json} copies. */
    public ObjectNode toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("run", run);
        node.put("params_sha256", paramsSha256);
        if (dataSha256 == null) {
            node.putNull("data_sha256");
        } else {
            node.put("data_sha256", dataSha256);
        }
        node.put("step", step);
        return node;
    }

    /** Writes {@value #FILE_NAME} into {@code directory} atomically. */
    public void writeTo(Path directory) throws IOException {
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson());
        AtomicFiles.write(directory.resolve(FILE_NAME), out -> out.write(bytes));
    }

    /**
     * The record of a checkpoint directory, or empty when it has none (weights not trained here).
     *
     * @throws IOException naming the file and the field when the record is malformed
     */
    public static Optional<TrainingRun> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode node = JSON.readTree(file.toFile());
        if (node == null || !node.isObject()) {
            throw new IOException(file + ": expected a JSON object");
        }
        JsonNode step = node.get("step");
        if (step == null || !step.canConvertToLong()) {
            throw new IOException(file + ": field 'step' must be an integer, found " + step);
        }
        JsonNode data = node.get("data_sha256");
        return Optional.of(new TrainingRun(text(file, node, "run"), text(file, node, "params_sha256"),
                data == null || data.isNull() ? null : text(file, node, "data_sha256"), step.asLong()));
    }

    /** SHA-256 (hex) of bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** SHA-256 (hex) of a file's bytes, read as a stream. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String text(Path file, JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(file + ": field '" + field + "' must be a string, found " + value);
        }
        return value.asText();
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
