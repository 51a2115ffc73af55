package io.github.dermlip.eval.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Checks on report files shared by the task and command tests. */
public final class ReportAssertions {
    private ReportAssertions() {}

    /** Reads a JSON file. */
    public static JsonNode json(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing");
        return new ObjectMapper().readTree(file.toFile());
    }

    /** Asserts that the file is a decodable PNG of reasonable size. */
    public static void png(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " does not decode");
        assertTrue(image.getWidth() >= 300 && image.getHeight() >= 300, file + " is only " + image.getWidth()
                + "x" + image.getHeight());
    }

    /** The lines of a text file. */
    public static List<String> lines(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing");
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** Asserts the standard table files: CSV header start, a Markdown table, a booktabs LaTeX table. */
    public static void tables(Path dir, String base, String csvHeaderStart) throws IOException {
        assertTrue(lines(dir.resolve(base + ".csv")).get(0).startsWith(csvHeaderStart),
                base + ".csv header: " + lines(dir.resolve(base + ".csv")).get(0));
        List<String> md = lines(dir.resolve(base + ".md"));
        assertTrue(md.get(0).startsWith("| ") && md.get(1).startsWith("| ---"), base + ".md is not a table");
        String tex = Files.readString(dir.resolve(base + ".tex"));
        assertTrue(tex.startsWith("\\begin{tabular}") && tex.contains("\\toprule") && tex.contains("\\bottomrule"),
                base + ".tex is not a booktabs table");
    }

    /** Asserts that a metrics.json interval {@code [low, high]} brackets the value. */
    public static void bracketed(JsonNode interval, double value) {
        assertEquals(2, interval.size());
        assertTrue(interval.get(0).asDouble() <= value + 1e-12 && value <= interval.get(1).asDouble() + 1e-12,
                "interval " + interval + " does not contain " + value);
    }
}
