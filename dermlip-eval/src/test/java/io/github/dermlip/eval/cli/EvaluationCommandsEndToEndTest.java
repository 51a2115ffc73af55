package io.github.dermlip.eval.cli;

import static io.github.dermlip.eval.task.ReportAssertions.json;
import static io.github.dermlip.eval.task.ReportAssertions.lines;
import static io.github.dermlip.eval.task.ReportAssertions.png;
import static io.github.dermlip.eval.task.ReportAssertions.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.metrics.RetrievalMetrics;
import io.github.dermlip.eval.metrics.RetrievalReport;
import io.github.dermlip.eval.task.TinyDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every evaluation command through {@link EvalCommand} on the tiny open_clip fixture and a generated
 * dataset of 30 PNGs, checking the files each writes and, where cheap, the numbers against the API directly.
 */
class EvaluationCommandsEndToEndTest {
    private static final String BOOTSTRAP = "20";

    @TempDir
    static Path dir;
    private static Path data;
    private static Path model;

    @BeforeAll
    static void writeDataset() throws IOException {
        data = TinyDataset.write(dir.resolve("data"));
        model = SharedFixtures.openClipModel("tiny-gelu");
    }

    private static CliFixtures.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--no-progress"));
        CliFixtures.Run run = CliFixtures.run(all.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    private static String[] modelArgs() {
        return new String[] {"--model", model.toString(), "--vocab", CliFixtures.vocab(), "--bootstrap", BOOTSTRAP};
    }

    private static String[] concat(String[] first, String... rest) {
        return Stream.concat(Stream.of(first), Stream.of(rest)).toArray(String[]::new);
    }

    @Test
    void zeroshotWritesMetricsPredictionsAndPlotsOfTheApisClassifier() throws IOException {
        Path out = dir.resolve("zeroshot");
        CliFixtures.Run run = run(concat(new String[] {"zeroshot"}, concat(modelArgs(), "--dataset",
                data.resolve("labels.csv").toString(), "--data-root", data.toString(), "--classes",
                data.resolve("classes.txt").toString(), "--group-by", "sex", "--out", out.toString())));
        assertTrue(run.out().contains("| Model | accuracy |"), run.out());
        JsonNode json = json(out.resolve("metrics.json"));
        for (String key : List.of("accuracy", "balanced_accuracy", "macro_auroc", "n", "per_class", "intervals",
                "groups", "provenance", "results")) {
            assertTrue(json.has(key), "metrics.json lacks " + key);
        }
        assertEquals(30, json.get("n").asInt());
        assertTrue(json.get("provenance").get("command_line").asText().contains("zeroshot --model"));
        List<String> predictions = lines(out.resolve("predictions.csv"));
        assertEquals("image_path,true_label,predicted_label,prob_0,prob_1,prob_2", predictions.get(0));
        float[][] expected;
        List<Path> images = new ArrayList<>();
        for (String line : predictions.subList(1, predictions.size())) {
            images.add(Path.of(line.split(",")[0]));
        }
        try (DermLip lip = DermLip.load(model, DermLipOptions.defaults().withVocabulary(SharedFixtures.bpeVocab()))) {
            expected = lip.zeroShotClassifier(TinyDataset.CLASSES, PromptTemplates.DERMLIP_SKIN.templates())
                    .probabilities(lip.encodeImages(images, true));
        }
        int correct = 0;
        for (int i = 0; i < expected.length; i++) {
            String[] cells = predictions.get(i + 1).split(",");
            int predicted = 0;
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[i][c], Float.parseFloat(cells[3 + c]), 1e-6);
                predicted = expected[i][c] > expected[i][predicted] ? c : predicted;
            }
            assertEquals(predicted, Integer.parseInt(cells[2]));
            correct += predicted == Integer.parseInt(cells[1]) ? 1 : 0;
        }
        assertEquals(correct / 30.0, json.get("accuracy").asDouble(), 1e-12);
        tables(out, "results", "model,task,dataset,accuracy,accuracy_low,accuracy_high");
        tables(out, "per_class", "class,precision,recall,f1,auroc,support");
        tables(out, "groups_sex", "model,task,dataset,accuracy");
        png(out.resolve("confusion_tiny-gelu_zero-shot_labels.png"));
        png(out.resolve("reliability.png"));
        png(out.resolve("groups_sex_accuracy.png"));
    }

    @Test
    void linearProbeRunsPercentAndShotBudgets() throws IOException {
        Path percent = dir.resolve("probe-percent");
        run(concat(new String[] {"linear-probe"}, concat(modelArgs(), "--dataset", data.resolve("labels.csv")
                .toString(), "--percent", "10,100", "--seeds", "2", "--out", percent.toString())));
        JsonNode json = json(percent.resolve("metrics.json"));
        assertEquals("percent", json.get("budget").asText());
        assertEquals(List.of("10%", "100%"), List.of(json.get("settings").get(0).get("setting").asText(),
                json.get("settings").get(1).get("setting").asText()));
        assertTrue(json.get("settings").get(1).has("accuracy"));
        assertEquals(1, Files.list(percent.resolve("features")).count(), "one cached feature file");
        tables(percent, "results", "model,task,dataset,accuracy");
        tables(percent, "seeds", "setting,seed,train_size,c");
        tables(percent, "mean_std", "setting,accuracy_mean,accuracy_std");
        png(percent.resolve("curve_accuracy.png"));

        Path shots = dir.resolve("probe-shots");
        run(concat(new String[] {"linear-probe"}, concat(modelArgs(), "--dataset", data.resolve("labels.csv")
                .toString(), "--shots", "1,2,4", "--seeds", "2", "--select-c", "--cache",
                percent.resolve("features").toString(), "--out", shots.toString())));
        JsonNode shotJson = json(shots.resolve("metrics.json"));
        assertEquals("shots", shotJson.get("budget").asText());
        assertEquals("validation-search", shotJson.get("c_rule").asText());
        assertEquals(3, shotJson.get("splits").get("validation").asInt());
        assertEquals(12, shotJson.get("settings").get(2).get("train_size").get(0).asInt());
        png(shots.resolve("curve_balanced_accuracy.png"));
    }

    @Test
    void retrievalMatchesOpenClipsMetricsOnTheApisEmbeddings() throws IOException {
        Path out = dir.resolve("retrieval");
        run(concat(new String[] {"retrieval"}, concat(modelArgs(), "--data", data.resolve("captions.csv").toString(),
                "--out", out.toString())));
        JsonNode json = json(out.resolve("metrics.json"));
        List<String> rows = lines(data.resolve("captions.csv"));
        List<Path> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            int comma = row.indexOf(',');
            images.add(data.resolve(row.substring(0, comma)));
            captions.add(row.substring(comma + 2, row.length() - 1));
        }
        RetrievalReport expected;
        try (DermLip lip = DermLip.load(model, DermLipOptions.defaults().withVocabulary(SharedFixtures.bpeVocab()))) {
            expected = RetrievalMetrics.fromEmbeddings(lip.encodeImages(images, true), lip.encodeTexts(captions, true));
        }
        for (String key : List.of("image_to_text_R@1", "image_to_text_R@5", "text_to_image_R@10",
                "text_to_image_mean_rank", "image_to_text_median_rank")) {
            assertEquals(expected.scalars().get(key), json.get(key).asDouble(), 1e-12, key);
        }
        tables(out, "results", "model,task,dataset,R@1,R@1_low,R@1_high");
        tables(out, "ranks", "model,task,dataset,mean_rank");
        png(out.resolve("recall_at_k.png"));
    }

    @Test
    void conceptsWritesPerConceptAurocs() throws IOException {
        Path out = dir.resolve("concepts");
        run(concat(new String[] {"concepts"}, concat(modelArgs(), "--data", data.resolve("skincon.csv").toString(),
                "--data-root", data.resolve("images").toString(), "--terms", data.resolve("terms.json").toString(),
                "--out", out.toString())));
        JsonNode json = json(out.resolve("metrics.json"));
        assertEquals(29, json.get("n").asInt());
        assertEquals(3, json.get("per_concept").size());
        assertTrue(json.has("mean_auroc") && json.has("concepts_above_0.7"));
        tables(out, "concepts", "concept,auroc,auroc_low,auroc_high,positives,negatives");
        assertEquals("image_path,Papule,Plaque,Pigmented", lines(out.resolve("concept_scores.csv")).get(0));
        png(out.resolve("concept_auroc.png"));
    }

    @Test
    void benchmarkCombinesTwoModelsWithPairedComparisons() throws IOException {
        Path suite = Files.writeString(dir.resolve("suite.json"), """
                {"models": [{"name": "gelu", "path": "%s"}, {"name": "quickgelu", "path": "%s"}],
                 "tasks": [
                   {"type": "zeroshot", "dataset": "data/labels.csv", "data_root": "data", "split": "test"},
                   {"type": "linear-probe", "dataset": "data/labels.csv", "data_root": "data", "shots": [2],
                    "seeds": 1},
                   {"type": "retrieval", "data": "data/captions.csv"},
                   {"type": "concepts", "data": "data/skincon.csv", "data_root": "data/images",
                    "terms": "data/terms.json"}],
                 "seed": 1, "bootstrap": 1000, "vocab": "%s"}
                """.formatted(model, SharedFixtures.openClipModel("tiny-quickgelu-customtext"), CliFixtures.vocab()));
        Path out = dir.resolve("benchmark");
        CliFixtures.Run run = run("benchmark", "--suite", suite.toString(), "--out", out.toString(), "--bootstrap",
                BOOTSTRAP);
        assertTrue(run.out().contains("| gelu | zero-shot |"), run.out());
        JsonNode json = json(out.resolve("metrics.json"));
        assertEquals(2 * (1 + 1 + 2 + 1), json.get("results").size());
        assertEquals(4 + 4 + 6 + 1, json.get("comparisons").size());
        assertEquals("quickgelu", json.get("comparisons").get(0).get("model").asText());
        assertEquals(Integer.parseInt(BOOTSTRAP), json.get("comparisons").get(0).get("resamples").asInt());
        tables(out, "results", "model,task,dataset,accuracy");
        tables(out, "comparisons", "task,dataset,metric,model,baseline,model_value,baseline_value,difference");
        assertTrue(Files.isRegularFile(out.resolve("runs/quickgelu/concepts-skincon/metrics.json")));
    }

    @Test
    void aMissingDatasetIsAOneLineError() {
        CliFixtures.Run run = CliFixtures.run(concat(new String[] {"zeroshot"}, concat(modelArgs(), "--dataset",
                dir.resolve("nope.csv").toString(), "--out", dir.resolve("never").toString())));
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: ") && run.err().contains("nope.csv: no such CSV file"), run.err());
        assertTrue(!Files.exists(dir.resolve("never")));
    }
}
