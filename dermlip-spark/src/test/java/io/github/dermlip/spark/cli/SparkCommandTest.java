package io.github.dermlip.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.eval.cli.EvalCommand;
import io.github.dermlip.spark.SparkTestSession;
import io.github.dermlip.synth.DatasetLayout;
import io.github.dermlip.synth.SkinSynthOptions;
import io.github.dermlip.synth.SkinSynthWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SparkCommandTest {
    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static String model;
    private static String vocab;

    @BeforeAll
    static void setUp() throws Exception {
        spark = SparkTestSession.get();
        new SkinSynthWriter(SkinSynthOptions.defaults().withSizes(1, 10, 10, 40, 12).withThreads(2)).write(dir);
        model = SharedFixtures.openClipModel("tiny-gelu").toString();
        vocab = SharedFixtures.bpeVocab().toString();
    }

    @Test
    void evaluateWritesWhatDermlipEvalZeroshotWrites() throws Exception {
        String csv = dir.resolve(DatasetLayout.EVAL_TEST_CSV).toString();
        String classes = dir.resolve(DatasetLayout.CLASSES_TXT).toString();
        String predictions = dir.resolve("predictions").toString();
        Path sparkReport = dir.resolve("spark-report");
        Path evalReport = dir.resolve("eval-report");
        run("zeroshot", "--manifest", csv, "--csv-img-key", "image_path", "--model", model, "--vocab", vocab,
                "--classes", classes, "--out", predictions);
        String printed = run("evaluate", "--predictions", predictions, "--csv-img-key", "image_path",
                "--group-by", "skin_tone", "--dataset-name", "eval_test", "--bootstrap", "50", "--out",
                sparkReport.toString());
        assertTrue(printed.contains("40 of 40 rows evaluated"), printed);
        assertEquals(0, EvalCommand.commandLine().execute("zeroshot", "--model", model, "--vocab", vocab,
                "--dataset", csv, "--classes", classes, "--group-by", "skin_tone", "--bootstrap", "50",
                "--no-progress", "--out", evalReport.toString()));

        assertEquals(files(evalReport), files(sparkReport));
        assertEquals(withoutProvenance(evalReport), withoutProvenance(sparkReport));
        assertEquals(Files.readString(evalReport.resolve("predictions.csv")),
                Files.readString(sparkReport.resolve("predictions.csv")));
    }

    @Test
    void embedsImagesAndCaptionsAndFindsTheNearestCaptions() throws Exception {
        String csv = dir.resolve(DatasetLayout.RETRIEVAL_CSV).toString();
        String images = dir.resolve("image-embeddings").toString();
        String texts = dir.resolve("text-embeddings").toString();
        String nearest = dir.resolve("nearest").toString();
        String printed = run("embed", "--manifest", csv, "--csv-img-key", "image_path", "--model", model, "--vocab",
                vocab, "--normalize", "--out", images);
        assertTrue(printed.contains("12 rows written to " + images + "; 0 without an embedding"), printed);
        run("embed", "--texts", "--manifest", csv, "--csv-caption-key", "caption", "--model", model, "--vocab", vocab,
                "--out", texts);
        run("nearest", "--queries", images, "--corpus", texts, "--id-key", "image_path", "--k", "3", "--out",
                nearest);
        List<Row> found = spark.read().parquet(nearest).collectAsList();
        assertEquals(12, found.size());
        for (Row row : found) {
            assertEquals(3, row.getList(1).size());
        }
    }

    @Test
    void readsJsonLinesAndParquetManifests() throws Exception {
        Path image = Files.list(dir.resolve("images").resolve("eval_test")).sorted().findFirst().orElseThrow();
        Path json = dir.resolve("manifest.jsonl");
        Files.writeString(json, "{\"filepath\": \"" + image + "\"}\n{\"filepath\": \"images/eval_test/"
                + image.getFileName() + "\"}\n");
        String fromJson = dir.resolve("from-json").toString();
        run("embed", "--manifest", json.toString(), "--model", model, "--vocab", vocab, "--out", fromJson);
        String parquet = dir.resolve("manifest-parquet").toString();
        spark.read().json(json.toString()).write().parquet(parquet);
        String fromParquet = dir.resolve("from-parquet").toString();
        String printed = run("embed", "--manifest", parquet, "--model", model, "--vocab", vocab, "--image-root",
                dir.toString(), "--out", fromParquet);
        assertTrue(printed.contains("2 rows written to " + fromParquet + "; 0 without an embedding"), printed);
        List<Row> rows = spark.read().parquet(fromJson).orderBy(ManifestOptions.MANIFEST_ROW).collectAsList();
        assertEquals(List.of(image.toString(), dir + "/images/eval_test/" + image.getFileName()),
                rows.stream().map(r -> r.<String>getAs("filepath")).toList());
        assertEquals(rows.get(0).<Object>getAs("embedding"), rows.get(1).<Object>getAs("embedding"));
    }

    @Test
    void aMissingColumnIsOneErrorLineNamingTheManifest() {
        String csv = dir.resolve(DatasetLayout.EVAL_TEST_CSV).toString();
        StringWriter err = new StringWriter();
        CommandLine line = SparkCommand.commandLine();
        line.setErr(new PrintWriter(err));
        assertEquals(1, line.execute("embed", "--manifest", csv, "--model", model, "--out",
                dir.resolve("never").toString()));
        assertTrue(err.toString().startsWith("error: " + csv + ": no column 'filepath'"), err.toString());
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine line = SparkCommand.commandLine();
        line.setOut(new PrintWriter(out));
        assertEquals(0, line.execute(args), () -> "dermlip-spark " + String.join(" ", args) + "\n" + out);
        return out.toString();
    }

    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static JsonNode withoutProvenance(Path report) throws Exception {
        JsonNode metrics = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        ((ObjectNode) metrics).remove("provenance");
        return metrics;
    }
}
