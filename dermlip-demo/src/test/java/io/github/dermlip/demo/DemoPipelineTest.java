package io.github.dermlip.demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo at a reduced size: it must finish, write its report and beat chance clearly. */
class DemoPipelineTest {

    @Test
    void reducedDemoWritesTheReportAndBeatsChance(@TempDir Path tmp) throws Exception {
        DemoSettings settings = new DemoSettings(tmp.resolve("demo"), 11, 1024, 240, 240, 100, "derm-demo", 4, 64,
                1e-3, 400, null, 100, 1, 2);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DemoResult result = new DemoPipeline(settings, new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(List.of("test"));
        DemoReport report = new DemoReport(result);
        System.out.print(report.summaryTable(false));

        Path dir = result.out().resolve("report");
        String markdown = Files.readString(dir.resolve("README.md"));
        for (String png : List.of("training_curves.png", "reliability.png", "curve_accuracy.png")) {
            assertTrue(markdown.contains("](" + png + ")"), png + " is embedded");
            assertTrue(ImageIO.read(dir.resolve(png).toFile()).getWidth() > 100, png + " is a picture");
        }
        assertTrue(markdown.contains("| skin tone |"), "skin-tone breakdown table");
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        assertTrue(metrics.toString().contains("balanced_accuracy"));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertTrue(summary.get("headlines").size() >= 10);

        // Thresholds: chance is 1/8 for accuracy, 0.5 for AUROC and k/100 for R@k (100 retrieval pairs).
        for (DemoReport.Headline h : report.headlines()) {
            double value = h.estimate().value();
            switch (h.task() + " " + h.metric()) {
                case "linear-probe-100% accuracy" -> assertTrue(value >= 2.5 * h.chance(), h.toString());
                case "retrieval image to text R@10", "retrieval text to image R@10" ->
                        assertTrue(value >= 2 * h.chance(), h.toString());
                case "zero-shot macro AUROC" -> assertTrue(value >= 0.6, h.toString());
                default -> { }
            }
        }
    }
}
