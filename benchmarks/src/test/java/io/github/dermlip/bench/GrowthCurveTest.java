package io.github.dermlip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slopes name the growth, and the curves are written as a Markdown table and a PNG. */
class GrowthCurveTest {
    private static final GrowthCurve LINEAR = new GrowthCurve("embed", "images", "s",
            new double[] {256, 1024, 4096}, new double[] {2.0, 8.1, 31.9});
    private static final GrowthCurve QUADRATIC = new GrowthCurve("retrieval", "pairs", "s",
            new double[] {1024, 4096, 16384}, new double[] {0.1, 1.6, 25.6});
    private static final GrowthCurve FLAT = new GrowthCurve("rss", "batch", "MiB",
            new double[] {16, 64, 256}, new double[] {1500, 1700, 2500});

    @Test
    void slopeIsTheLogLogGrowth() {
        assertEquals(1.0, LINEAR.slope(), 0.01);
        assertEquals(2.0, QUADRATIC.slope(), 1e-9);
        assertTrue(LINEAR.shape().endsWith(": linear"), LINEAR.shape());
        assertTrue(QUADRATIC.shape().endsWith(": quadratic"), QUADRATIC.shape());
        assertTrue(FLAT.shape().contains("sub-linear"), FLAT.shape());
    }

    @Test
    void rejectsTooFewOrNonPositivePoints() {
        assertThrows(IllegalArgumentException.class, () -> new GrowthCurve("x", "n", "s", new double[] {1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new GrowthCurve("x", "n", "s", new double[] {1, 2}, new double[] {1, 0}));
    }

    @Test
    void writesTablesAndChart(@TempDir Path out) throws Exception {
        String markdown = GrowthBench.write(List.of(LINEAR, QUADRATIC, FLAT), "header\n\n", out);
        assertTrue(markdown.contains("| 4096 | 31.9 |"), markdown);
        assertTrue(markdown.contains("retrieval: log-log slope 2.00: quadratic"), markdown);
        assertEquals(markdown, Files.readString(out.resolve("growth.md")));
        BufferedImage png = ImageIO.read(out.resolve("growth.png").toFile());
        assertEquals(2 * 560, png.getWidth());
        assertEquals(2 * 400, png.getHeight());
    }
}
