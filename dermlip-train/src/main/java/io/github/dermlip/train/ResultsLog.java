package io.github.dermlip.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 *
 * <p>A run killed while appending leaves a torn last line; before this log first appends, it cuts the file back to
 * its last complete line (or completes that line when it is whole JSON missing only its newline), so the next record
 * starts a line of its own.
 */
public final class ResultsLog {
    /** File name inside the run folder. */
    public static final String FILE_NAME = "results.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private boolean tailChecked;

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
        if (!tailChecked) {
            repairTornTail();
            tailChecked = true;
        }
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Cuts a torn last line (bytes after the last newline that are not a whole JSON record) off the file. */
    void repairTornTail() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long lineStart = lastLineStart(channel, size);
            if (lineStart == size) {
                return;
            }
            ByteBuffer tail = ByteBuffer.allocate((int) (size - lineStart));
            channel.read(tail, lineStart);
            try {
                JSON.readTree(new String(tail.array(), StandardCharsets.UTF_8));
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
            } catch (IOException torn) {
                channel.truncate(lineStart);
            }
            channel.force(true);
        }
    }

    /** The offset just after the file's last newline (0 when it has none). */
    private static long lastLineStart(FileChannel channel, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long at = size - 1; at >= 0; at--) {
            one.clear();
            channel.read(one, at);
            if (one.get(0) == '\n') {
                return at + 1;
            }
        }
        return 0;
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
