package io.github.dermlip.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.image.ImageLimits;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageEmbedderTest {
    @TempDir
    static Path dir;

    private static List<Path> images;
    private static DermLip reference;

    @BeforeAll
    static void setUp() throws Exception {
        TestData.skinSynth(dir, 24);
        images = TestData.images(dir);
        reference = TestData.reference();
    }

    @AfterAll
    static void tearDown() {
        reference.close();
    }

    @Test
    void embeddingsEqualCoreOnTheSameFiles() throws Exception {
        for (boolean normalize : new boolean[] {false, true}) {
            Dataset<Row> rows = TestData.pathRows(images.stream().map(Path::toString).toList(), 3);
            float[][] expected = TestData.expectedInSparkBatches(rows, images, reference, 8, normalize);
            List<Row> out = new ImageEmbedder(TestData.model(), ImageLimits.defaults())
                    .embedPaths(rows, "filepath", normalize).orderBy("id").collectAsList();
            assertEquals(images.size(), out.size());
            for (Row row : out) {
                int id = (int) row.getLong(0);
                assertNull(row.getAs(EmbeddingColumns.ERROR), () -> String.valueOf(row));
                assertArrayEquals(expected[id], FloatArrays.of(row.getList(row.fieldIndex(EmbeddingColumns.EMBEDDING))),
                        "image " + images.get(id));
            }
        }
    }

    @Test
    void aModelShippedWithTheJobIsFoundByName() throws Exception {
        // As spark-submit --files/--archives would: the executors find the folder under its name in SparkFiles.
        SparkTestSession.get().sparkContext().addFile(TestData.modelDir().toString(), true);
        SparkModel shipped = new SparkModel(TestData.modelDir().getFileName().toString(), TestData.model().vocabulary(),
                8, 2, true);
        List<Path> some = images.subList(0, 5);
        Dataset<Row> rows = TestData.pathRows(some.stream().map(Path::toString).toList(), 1);
        float[][] expected = TestData.expectedInSparkBatches(rows, images, reference, 8, true);
        List<Row> out = new ImageEmbedder(shipped, ImageLimits.defaults()).embedPaths(rows, "filepath", true)
                .orderBy("id").collectAsList();
        for (Row row : out) {
            assertArrayEquals(expected[(int) row.getLong(0)],
                    FloatArrays.of(row.getList(row.fieldIndex(EmbeddingColumns.EMBEDDING))));
        }
    }
}
