package io.github.dermlip.spark;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.synth.DatasetLayout;
import io.github.dermlip.synth.SkinSynthOptions;
import io.github.dermlip.synth.SkinSynthWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The inputs of the tests: the tiny-gelu fixture model and a small SkinSynth set written to a temp folder. */
final class TestData {
    /** Columns of {@link #pathRows}. */
    static final StructType PATHS = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("filepath", DataTypes.StringType, true);

    private TestData() {}

    /** The tiny-gelu fixture as the tests run it: batches of 8, the shared BPE vocabulary. */
    static SparkModel model() {
        return SparkModel.of(modelDir().toString()).withBatchSize(8).withVocabulary(SharedFixtures.bpeVocab().toString());
    }

    /** The same model loaded by core directly, with the same batch size and vocabulary: the reference. */
    static DermLip reference() throws IOException {
        return DermLip.load(modelDir(), DermLipOptions.defaults().withBatchSize(8)
                .withVocabulary(SharedFixtures.bpeVocab()));
    }

    /** {@code shared/fixtures/openclip/tiny-gelu}. */
    static Path modelDir() {
        return SharedFixtures.openClipModel("tiny-gelu");
    }

    /** A SkinSynth set of {@code testImages} labelled test images (and minimal other splits) under {@code root}. */
    static Path skinSynth(Path root, int testImages) throws IOException {
        SkinSynthOptions options = SkinSynthOptions.defaults().withSizes(1, 10, 10, testImages, 1).withThreads(2);
        new SkinSynthWriter(options).write(root);
        return root.resolve(DatasetLayout.EVAL_TEST_CSV);
    }

    /** Every image file under {@code root} and the fixture's own images, sorted. */
    static List<Path> images(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.walk(root), Files.list(modelDir().resolve("images")))) {
            files.filter(p -> p.toString().endsWith(".png") || p.toString().endsWith(".jpg")).sorted().forEach(out::add);
        }
        return out;
    }

    /**
     * What core's {@code encodeImages} gives for the rows of {@code rows}, by id, encoded in the same batches as
     * each partition's rows reach the model: libtorch's results move in the last bit with the batch around a row.
     */
    static float[][] expectedInSparkBatches(Dataset<Row> rows, List<Path> images, DermLip reference, int batchSize,
            boolean normalize) throws IOException {
        float[][] expected = new float[images.size()][];
        for (List<Row> partition : rows.javaRDD().glom().collect()) {
            for (int start = 0; start < partition.size(); start += batchSize) {
                List<Row> batch = partition.subList(start, Math.min(partition.size(), start + batchSize));
                float[][] embedded = reference.encodeImages(
                        batch.stream().map(r -> images.get((int) r.getLong(0))).toList(), normalize);
                for (int i = 0; i < batch.size(); i++) {
                    expected[(int) batch.get(i).getLong(0)] = embedded[i];
                }
            }
        }
        return expected;
    }

    /** {@code (id, filepath)} rows, ids in list order, in {@code partitions} partitions. */
    static Dataset<Row> pathRows(List<String> paths, int partitions) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            rows.add(RowFactory.create((long) i, paths.get(i)));
        }
        return SparkTestSession.get().createDataFrame(rows, PATHS).repartition(partitions);
    }
}
