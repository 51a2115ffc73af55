package io.github.dermlip.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.ZeroShotClassifier;
import io.github.dermlip.core.image.ImageLimits;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.synth.DatasetLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeroShotScorerTest {
    @TempDir
    static Path dir;

    private static List<Path> images;
    private static List<String> classes;
    private static DermLip reference;

    @BeforeAll
    static void setUp() throws Exception {
        TestData.skinSynth(dir, 24);
        images = TestData.images(dir);
        classes = Files.readAllLines(dir.resolve(DatasetLayout.CLASSES_TXT)).stream().filter(s -> !s.isBlank()).toList();
        reference = TestData.reference();
    }

    @AfterAll
    static void tearDown() {
        reference.close();
    }

    @Test
    void labelsProbabilitiesAndTopKEqualCoreClassifier() throws Exception {
        List<String> templates = PromptTemplates.DERMLIP_SKIN.templates();
        ZeroShotClassifier classifier = reference.zeroShotClassifier(classes, templates);
        Dataset<Row> rows = TestData.pathRows(images.stream().map(Path::toString).toList(), 3);
        float[][] embeddings = TestData.expectedInSparkBatches(rows, images, reference, 8, false);
        Dataset<Row> embedded = new ImageEmbedder(TestData.model(), ImageLimits.defaults())
                .embedPaths(rows, "filepath", false);
        Dataset<Row> scored = new ZeroShotScorer(TestData.model(), classes, templates, 3)
                .score(embedded, EmbeddingColumns.EMBEDDING);
        assertEquals(classes, ZeroShotScorer.metadataList(scored.schema().apply(ZeroShotScorer.PROBABILITIES),
                ZeroShotScorer.CLASSES_METADATA));
        List<Row> out = scored.orderBy("id").collectAsList();
        assertEquals(images.size(), out.size());
        List<Classifications> byFile = classifier.classify(images);
        for (Row row : out) {
            int id = (int) row.getLong(0);
            Classifications expected = classifier.classify(embeddings[id]);
            assertEquals(expected.best().getClassName(), row.getAs(ZeroShotScorer.LABEL));
            assertEquals(byFile.get(id).best().getClassName(), row.getAs(ZeroShotScorer.LABEL), "image " + images.get(id));
            assertArrayEquals(classifier.probabilities(new float[][] {embeddings[id]})[0],
                    FloatArrays.of(row.getList(row.fieldIndex(ZeroShotScorer.PROBABILITIES))));
            List<Row> topk = row.getList(row.fieldIndex(ZeroShotScorer.TOPK));
            List<Classifications.Classification> best = expected.topK(3);
            assertEquals(3, topk.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(best.get(i).getClassName(), topk.get(i).getString(0));
                assertEquals(best.get(i).getProbability(), topk.get(i).getDouble(1));
            }
        }
    }
}
