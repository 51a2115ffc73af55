package io.github.dermlip.demo;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo at a reduced size: it must finish, write its report and beat chance clearly. */
class DemoPipelineTest {

    @Test
    void reducedDemoWritesTheReportAndBeatsChance(@TempDir Path tmp) throws Exception {
        DemoSettings settings = new DemoSettings(tmp.resolve("demo"), 11, 2048, 240, 240, 100, "derm-demo", 10, 64,
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

        // The reduced run trains 320 steps (about a minute on two idle cores); the full demo trains 940.
        // Thresholds, well below what this seed reaches: chance is 1/8 for accuracy, 0.5 for AUROC, k/100 for R@k.
        Map<String, DemoReport.Headline> byName = new HashMap<>();
        for (DemoReport.Headline h : report.headlines()) {
            byName.put(h.task() + " " + h.metric(), h);
        }
        Map<String, ToDoubleFunction<DemoReport.Headline>> floors = Map.of(
                "zero-shot accuracy", h -> 1.3 * h.chance(),
                "zero-shot macro AUROC", h -> 0.55,
                "linear-probe-100% accuracy", h -> 1.5 * h.chance(),
                "retrieval image to text R@10", h -> 4 * h.chance(),
                "retrieval text to image R@10", h -> 4 * h.chance());
        for (Map.Entry<String, ToDoubleFunction<DemoReport.Headline>> floor : floors.entrySet()) {
            DemoReport.Headline h = byName.get(floor.getKey());
            assertNotNull(h, "headline '" + floor.getKey() + "' is missing; the report has " + byName.keySet());
            assertTrue(h.estimate().value() >= floor.getValue().applyAsDouble(h), h.toString());
        }
    }
}
