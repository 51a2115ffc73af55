package io.github.dermlip.eval.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.stats.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsJsonTest {
    @TempDir
    Path dir;

    static MetricsDocument sample() {
        Provenance p = new Provenance("hf-hub:redlessone/DermLIP_ViT-B-16", "ham10000", "eval --dataset ham10000", 42L,
                "0.1.0", "2026-01-02T03:04:05Z", "v0.1.0-3-gabc1234",
                new TrainingRun("derm1m-b16", "ab".repeat(32), "cd".repeat(32), 920));
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        metrics.put("acc", new Estimate(0.8, 0.78, 0.82));
        metrics.put("auroc", Estimate.of(0.91));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("n", 1511);
        extras.put("templates", List.of("a {}", "b {}"));
        ResultRow row = new ResultRow("DermLIP", "zero-shot", "ham10000", metrics, extras);
        ClassTable perClass = new ClassTable("DermLIP", "zero-shot", "ham10000", List.of("nevus", "melanoma"),
                Map.of("recall", new double[] {0.9, Double.NaN}));
        ConfusionTable cm = new ConfusionTable("DermLIP", "zero-shot", "ham10000", List.of("nevus", "melanoma"),
                new long[][] {{90, 10}, {3, 0}});
        return new MetricsDocument(p, List.of(row), List.of(perClass), List.of(cm));
    }

    @Test
    void roundTripsEveryPart() {
        Path file = dir.resolve("out/metrics.json");
        MetricsJson.write(sample(), file);
        MetricsDocument back = MetricsJson.read(file);
        assertEquals(sample().provenance(), back.provenance());
        ResultRow row = back.results().get(0);
        assertEquals(new Estimate(0.8, 0.78, 0.82), row.metrics().get("acc"));
        assertTrue(Double.isNaN(row.metrics().get("auroc").low()));
        assertEquals(List.of("acc", "auroc"), List.copyOf(row.metrics().keySet()));
        assertEquals(1511, row.extras().get("n"));
        assertEquals(List.of("a {}", "b {}"), row.extras().get("templates"));
        double[] recall = back.perClass().get(0).metrics().get("recall");
        assertEquals(0.9, recall[0]);
        assertTrue(Double.isNaN(recall[1]));
        assertArrayEquals(new long[] {3, 0}, back.confusions().get(0).counts()[1]);
    }

    @Test
    void writesPrettyJsonWithNullForMissingBounds() throws IOException {
        Path file = dir.resolve("metrics.json");
        MetricsJson.write(sample(), file);
        String text = Files.readString(file);
        assertTrue(text.contains("\n  \"provenance\" : {"), text);
        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals("dermlip-metrics/1", root.get("schema").asText());
        JsonNode auroc = root.at("/results/0/metrics/auroc");
        assertEquals(0.91, auroc.get("value").asDouble());
        assertTrue(auroc.get("low").isNull() && auroc.get("high").isNull());
        assertEquals(42, root.at("/provenance/seed").asInt());
        assertEquals("eval --dataset ham10000", root.at("/provenance/command_line").asText());
        assertEquals(10, root.at("/confusion_matrices/0/counts/0/1").asInt());
    }

    @Test
    void refusesOtherJson() throws IOException {
        Path file = Files.writeString(dir.resolve("other.json"), "{\"results\": []}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricsJson.read(file));
        assertTrue(e.getMessage().contains("other.json") && e.getMessage().contains("dermlip-metrics/1"), e.getMessage());
    }

    @Test
    void captureRecordsTheRun() {
        Provenance p = Provenance.capture("m", "d", new String[] {"--dataset", "ham10000", "--out", "my dir"}, null,
                null);
        assertEquals("--dataset ham10000 --out 'my dir'", p.commandLine());
        assertNull(p.seed());
        assertTrue(Instant.parse(p.timestamp()).isAfter(Instant.now().minusSeconds(60)));
        assertTrue(p.libraryVersion().matches("\\d+\\.\\d+\\.\\d+.*"), "the version Maven built: " + p.libraryVersion());
        assertTrue(p.gitDescribe() == null || !p.gitDescribe().isBlank());
    }

    @Test
    void tablesCheckTheirShapes() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionTable("m", "t", "d", List.of("a", "b"),
                new long[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> new ClassTable("m", "t", "d", List.of("a", "b"),
                Map.of("f1", new double[] {1})));
        double[][] normalized = new ConfusionTable("m", "t", "d", List.of("a", "b"), new long[][] {{3, 1}, {0, 0}})
                .rowNormalized();
        assertArrayEquals(new double[] {0.75, 0.25}, normalized[0]);
        assertArrayEquals(new double[] {0, 0}, normalized[1]);
    }
}
