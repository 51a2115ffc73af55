package io.github.dermlip.eval.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.MetricsJson;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.report.TextTable;
import io.github.dermlip.eval.stats.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void headlineKeysComeFirstAndNonFiniteNumbersBecomeNull() throws IOException {
        Provenance provenance = new Provenance("m", "d", "cmd", 1L, "dev", "2026-01-01T00:00:00Z", null, null);
        ResultRow row = new ResultRow("m", "zero-shot", "d", Map.of("accuracy", new Estimate(0.5, 0.4, 0.6)));
        MetricsDocument doc = new MetricsDocument(provenance, List.of(row));
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("accuracy", 0.5);
        headline.put("top5_accuracy", Double.NaN);
        headline.put("intervals", Map.of("accuracy", List.of(0.4, Double.POSITIVE_INFINITY)));
        headline.put("per_seed", new double[] {0.1, Double.NaN});
        ReportFiles.write(dir, doc, TableOptions.DEFAULT, headline);
        JsonNode json = ReportAssertions.json(dir.resolve("metrics.json"));
        Iterator<String> names = json.fieldNames();
        assertEquals(List.of("schema", "accuracy", "top5_accuracy", "intervals", "per_seed", "provenance", "results"),
                List.of(names.next(), names.next(), names.next(), names.next(), names.next(), names.next(),
                        names.next()));
        assertTrue(json.get("top5_accuracy").isNull());
        assertTrue(json.get("intervals").get("accuracy").get(1).isNull());
        assertTrue(json.get("per_seed").get(1).isNull());
        assertEquals(0.1, json.get("per_seed").get(0).asDouble());
        assertEquals(doc.results(), MetricsJson.read(dir.resolve("metrics.json")).results(), "still MetricsJson");
        assertTrue(Files.isRegularFile(dir.resolve("results.tex")));
    }

    @Test
    void textTablesQuoteEscapeAndAlign() {
        TextTable table = new TextTable(List.of("class", "group", "f1"), List.of(List.of("a, b", "x_1", "50.0"),
                List.of("say \"hi\"", "y|z", "7.5")), 2);
        assertEquals("class,group,f1\n\"a, b\",x_1,50.0\n\"say \"\"hi\"\"\",y|z,7.5\n", table.csv());
        assertEquals("| class | group | f1 |\n| --- | --- | ---: |\n| a, b | x_1 | 50.0 |\n"
                + "| say \"hi\" | y\\|z | 7.5 |\n", table.markdown());
        assertEquals("\\begin{tabular}{llr}\n\\toprule\nclass & group & f1 \\\\\n\\midrule\na, b & x\\_1 & 50.0 \\\\\n"
                + "say \"hi\" & y|z & 7.5 \\\\\n\\bottomrule\n\\end{tabular}\n", table.latex());
    }
}
