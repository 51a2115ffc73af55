package io.github.dermlip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.image.ImageLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults leave exactly one output row per input row: nothing lost, nothing twice. */
class FaultToleranceTest {
    /** Failures injected so far; local mode runs tasks in this JVM. */
    private static final AtomicInteger INJECTED = new AtomicInteger();

    @TempDir
    static Path dir;

    private static List<String> paths;

    @BeforeAll
    static void setUp() throws Exception {
        TestData.skinSynth(dir.resolve("synth"), 24);
        paths = new ArrayList<>(TestData.images(dir.resolve("synth")).stream().map(Path::toString).toList());
    }

    @Test
    void aTaskFailingOnItsFirstAttemptIsRetried() throws Exception {
        Dataset<Row> embedded = new ImageEmbedder(TestData.model(), ImageLimits.defaults())
                .embedPaths(TestData.pathRows(paths, 3), "filepath", true);
        // Fails every partition's first attempt halfway, after part of its rows went through the model.
        Dataset<Row> failing = embedded.mapPartitions((Iterator<Row> rows) -> new FaultAfter(rows, 5,
                TaskContext.get().attemptNumber() == 0 ? FaultToleranceTest::fail : null), embedded.encoder());
        Path out = dir.resolve("retried");
        failing.write().parquet(out.toString());
        assertTrue(INJECTED.get() >= 3, "failures injected: " + INJECTED.get());
        Dataset<Row> written = SparkTestSession.get().read().parquet(out.toString());
        assertOneRowPerInput(written, paths.size());
        assertEquals(0, written.where(functions.col(EmbeddingColumns.ERROR).isNotNull()).count());
    }

    @Test
    void badImagesGetErrorsAndTheJobSucceeds() throws Exception {
        List<String> inputs = new ArrayList<>(paths);
        // Two corrupt images (5% of 40 rows), one missing file, one over the byte limit.
        while (inputs.size() < 36) {
            inputs.add(paths.get(inputs.size() % paths.size()));
        }
        Path truncated = dir.resolve("truncated.png");
        byte[] png = Files.readAllBytes(Path.of(paths.get(0)));
        Files.write(truncated, Arrays.copyOf(png, png.length / 2));
        Path garbage = dir.resolve("garbage.jpg");
        Files.write(garbage, "not an image at all".getBytes());
        Path huge = dir.resolve("huge.png");
        Files.write(huge, new byte[300_000]);
        inputs.addAll(List.of(truncated.toString(), garbage.toString(), dir.resolve("absent.png").toString(),
                huge.toString()));
        ImageLimits limits = new ImageLimits(ImageLimits.PILLOW_MAX_PIXELS, 100, 200_000);
        Path out = dir.resolve("bad");
        new ImageEmbedder(TestData.model(), limits).embedPaths(TestData.pathRows(inputs, 3), "filepath", false)
                .write().parquet(out.toString());

        Dataset<Row> written = SparkTestSession.get().read().parquet(out.toString());
        assertOneRowPerInput(written, inputs.size());
        ErrorSummary summary = ErrorSummary.of(written);
        assertEquals(inputs.size(), summary.rows());
        assertEquals(Map.of("CORRUPT", 2L, "MISSING", 1L, "TOO_LARGE", 1L), summary.byCause());
        for (Row row : written.collectAsList()) {
            String path = row.getAs("filepath");
            String error = row.getAs(EmbeddingColumns.ERROR);
            boolean bad = path.equals(truncated.toString()) || path.equals(garbage.toString())
                    || path.endsWith("absent.png") || path.equals(huge.toString());
            if (bad) {
                assertNull(row.getAs(EmbeddingColumns.EMBEDDING));
                assertTrue(error.startsWith(path + ": " + row.getAs(EmbeddingColumns.ERROR_CAUSE) + ": "), error);
            } else {
                assertNull(error);
                assertNotNull(row.getAs(EmbeddingColumns.EMBEDDING));
            }
        }
    }

    private static void assertOneRowPerInput(Dataset<Row> written, int inputs) {
        assertEquals(inputs, written.count());
        assertEquals(inputs, written.select("id").distinct().count());
        assertEquals(0, written.where(functions.col("id").isNull()).count());
    }

    private static void fail() {
        INJECTED.incrementAndGet();
        throw new IllegalStateException("injected failure on the first attempt");
    }
}
