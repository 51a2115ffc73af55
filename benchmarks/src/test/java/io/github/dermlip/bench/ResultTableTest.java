package io.github.dermlip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table renders ours, the reference and the ratio, and the targets judge them. */
class ResultTableTest {
    private static final List<Measurement> ROWS = List.of(
            new Measurement(Keys.TRAIN_SAMPLES, "Training step", "samples/s", 48.0, 16.0),
            new Measurement(Keys.TRAIN_PEAK_RSS, "Training peak RSS", "MiB", 1500, 1400.0),
            new Measurement(Keys.TRAIN_MFU, "Training MFU", "%", 55.2, 12.0),
            new Measurement(Keys.IMAGE_SMALL, "Image encoding small", "images/s", 110, 100.0),
            new Measurement(Keys.LOADER_2, "Loader 2 workers", "images/s", 90, null),
            new Measurement(Keys.E2E_SHARE_SMALL, "e2e share small", "%", 93, null),
            new Measurement(Keys.E2E_SHARE_LARGE, "e2e share large", "%", 85, null),
            new Measurement(Keys.CONTENTION_SLOWDOWN, "slowdown", "x", 1.3, 1.4));

    @Test
    void markdownShowsFiguresRatiosAndMissingReferences() {
        ResultTable table = new ResultTable(ROWS, Targets.check(ROWS), List.of("load average 0.50"));
        String markdown = table.markdown();
        assertTrue(markdown.contains("| Training step | samples/s | 48.0 | 16.0 | 3.00x |"), markdown);
        assertTrue(markdown.contains("| Loader 2 workers | images/s | 90.0 | n/a | n/a |"), markdown);
        assertTrue(markdown.contains("| Training peak RSS | MiB | 1500 | 1400 | 1.07x |"), markdown);
        assertTrue(markdown.contains("- load average 0.50"), markdown);
    }

    @Test
    void jsonHasNullReferenceAndRatioWhereTheReferenceDidNotRun() {
        ObjectNode json = new ResultTable(ROWS, List.of(), List.of()).toJson();
        assertEquals(8, json.get("rows").size());
        assertEquals(3.0, json.get("rows").get(0).get("ratio").asDouble(), 1e-12);
        assertTrue(json.get("rows").get(4).get("reference").isNull());
        assertTrue(json.get("rows").get(4).get("ratio").isNull());
    }

    @Test
    void targetsAreJudgedOnTheirFigures() {
        List<TargetCheck> checks = Targets.check(ROWS);
        assertEquals(10, checks.size());
        assertEquals(TargetCheck.Status.MET, checks.get(0).status()); // 3.00x >= 2x
        assertEquals(TargetCheck.Status.MISSED, checks.get(1).status()); // 1.10x < 1.2x
        assertEquals(TargetCheck.Status.NOT_CHECKED, checks.get(2).status()); // no ViT-B-16 row
        assertEquals(TargetCheck.Status.MISSED, checks.get(3).status()); // 1500 > 1400 MiB
        assertEquals(TargetCheck.Status.MISSED, checks.get(4).status()); // 55.2% < 70%
        assertEquals(TargetCheck.Status.MISSED, checks.get(5).status()); // 90 < 2 x 48
        assertEquals(TargetCheck.Status.NOT_CHECKED, checks.get(6).status()); // no ViT-B-16 peak share row
        assertEquals(TargetCheck.Status.MET, checks.get(7).status()); // 93% >= 90%
        assertEquals(TargetCheck.Status.MISSED, checks.get(8).status()); // 85% < 90%
        assertEquals(TargetCheck.Status.MET, checks.get(9).status()); // 1.3x <= 1.4x
    }

    @Test
    void numbersKeepThreeSignificantDigits() {
        assertEquals("1234", ResultTable.number(1234.4));
        assertEquals("56.8", ResultTable.number(56.78));
        assertEquals("0.33", ResultTable.number(0.3333));
    }
}
