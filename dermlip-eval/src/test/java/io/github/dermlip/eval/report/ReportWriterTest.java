package io.github.dermlip.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryReportFile() throws IOException {
        MetricsDocument doc = MetricsJsonTest.sample();
        Path out = dir.resolve("run-1");
        List<Path> files = ReportWriter.writeAll(out, doc, TableOptions.DEFAULT);
        assertEquals(List.of(out.resolve("metrics.json"), out.resolve("results.csv"), out.resolve("results.md"),
                out.resolve("results.tex"), out.resolve("confusion_dermlip_zero-shot_ham10000.png")), files);
        assertEquals(doc.results(), MetricsJson.read(files.get(0)).results());
        assertEquals(ResultsCsv.render(doc.results()), Files.readString(files.get(1)));
        assertEquals(MarkdownTable.render(doc.results(), TableOptions.DEFAULT), Files.readString(files.get(2)));
        assertEquals(LatexTable.render(doc.results(), TableOptions.DEFAULT), Files.readString(files.get(3)));
        assertNotNull(ImageIO.read(files.get(4).toFile()));
    }

    @Test
    void slugsAreFileNameSafe() {
        assertEquals("hf-hub-redlessone-dermlip-vit-b-16", ReportWriter.slug("hf-hub:redlessone/DermLIP_ViT-B-16"));
        assertEquals("linear-probe-10", ReportWriter.slug("Linear probe (10%)"));
        assertEquals("x", ReportWriter.slug("///"));
    }
}
