package io.github.dermlip.eval.task;

import static io.github.dermlip.eval.task.ReportAssertions.json;
import static io.github.dermlip.eval.task.ReportAssertions.lines;
import static io.github.dermlip.eval.task.ReportAssertions.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.stats.PairedBootstrap;
import io.github.dermlip.eval.stats.PairedComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkSuiteTest {
    @TempDir
    Path dir;

    @Test
    void runsEveryTaskForEveryModelIntoOneReportWithPairedComparisons() throws IOException {
        Path root = TinyDataset.write(dir.resolve("data"));
        Path suiteFile = Files.writeString(dir.resolve("suite.json"), """
                {"models": [{"name": "sharp", "path": "unused-a"}, {"name": "blurry", "path": "unused-b"}],
                 "tasks": [
                   {"type": "zeroshot", "dataset": "data/labels.csv", "data_root": "data",
                    "classes": "data/classes.txt", "split": "test"},
                   {"type": "linear-probe", "dataset": "data/labels.csv", "data_root": "data", "shots": [1, 2],
                    "seeds": 2},
                   {"type": "retrieval", "data": "data/captions.csv"},
                   {"type": "concepts", "data": "data/skincon.csv", "data_root": "data/images",
                    "terms": "data/terms.json"}],
                 "seed": 5, "bootstrap": 30}
                """);
        SuiteSpec spec = SuiteSpecReader.read(suiteFile);
        List<FakeModel> loaded = new ArrayList<>();
        BenchmarkSuite suite = new BenchmarkSuite(model -> {
            FakeModel fake = new FakeModel(model.name(), TinyDataset.CLASSES, model.name().equals("sharp") ? 0.2 : 2);
            loaded.add(fake);
            return fake;
        });
        Path out = dir.resolve("out");
        SuiteResult result = suite.run(spec, out, List.of("benchmark", "--suite", suiteFile.toString()));

        assertEquals(2, loaded.size());
        assertEquals(2 * (1 + 2 + 2 + 1), result.rows().size(), "zero-shot, two budgets, two directions, concepts");
        assertEquals(List.of("sharp", "blurry"), result.rows().stream().filter(r -> r.task().equals("zero-shot"))
                .map(r -> r.model()).toList());
        for (String model : List.of("sharp", "blurry")) {
            for (String task : List.of("zeroshot-labels", "linear-probe-labels", "retrieval-captions",
                    "concepts-skincon")) {
                Path run = out.resolve("runs").resolve(model).resolve(task);
                assertTrue(Files.isRegularFile(run.resolve("metrics.json")), model + "/" + task);
            }
        }
        try (Stream<Path> cached = Files.list(out.resolve("features"))) {
            assertEquals(2, cached.filter(f -> f.toString().endsWith(".npy")).count(), "one feature file per model");
        }

        ModelComparison accuracy = result.comparisons().stream()
                .filter(c -> c.task().equals("zero-shot") && c.metric().equals("accuracy")).findFirst().orElseThrow();
        assertEquals("blurry", accuracy.model());
        assertEquals("sharp", accuracy.baseline());
        ZeroShotRows rows = new ZeroShotRows(result);
        assertEquals(rows.value("blurry") - rows.value("sharp"), accuracy.comparison().difference().value(), 1e-12);
        assertEquals(4 + 2 * 4 + 2 * 3 + 1, result.comparisons().size(),
                "zero-shot 4 metrics, two budgets 4 each, two directions 3 each, concepts 1");

        JsonNode json = json(out.resolve("metrics.json"));
        assertEquals("benchmark", json.get("task").asText());
        assertEquals(result.rows().size(), json.get("results").size());
        assertEquals(result.comparisons().size(), json.get("comparisons").size());
        assertEquals("runs/sharp/zeroshot-labels", json.get("runs").get(0).get("folder").asText());
        JsonNode first = json.get("comparisons").get(0);
        assertTrue(first.get("p_value").asDouble() > 0 && first.get("p_value").asDouble() <= 1);
        assertTrue(first.get("low").asDouble() <= first.get("difference").asDouble());
        tables(out, "results", "model,task,dataset,accuracy");
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("| Model | Task | Dataset | accuracy | balanced_accuracy | macro_f1 | macro_auroc |"
                + " R@1 | R@5 | R@10 | mean_auroc |"), md);
        tables(out, "comparisons", "task,dataset,metric,model,baseline,model_value");
        assertEquals(result.comparisons().size() + 1, lines(out.resolve("comparisons.csv")).size());
    }

    @Test
    void theComparisonIsThePairedBootstrapOfTheTwoPredictions() throws IOException {
        Path root = TinyDataset.write(dir.resolve("data"));
        Bootstrap bootstrap = new Bootstrap(30, 2, 0.95, false);
        ZeroShotTask task = new ZeroShotTask(bootstrap);
        LabeledDataset data = TaskInputs.labeled(root.resolve("labels.csv").toString(), null, null, null);
        ClassList classes = TaskInputs.classList("labels.csv", data, null);
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (double noise : new double[] {0.2, 2}) {
            outcomes.add(task.evaluate(new FakeModel("m" + noise, TinyDataset.CLASSES, noise), data, classes,
                    PromptTemplates.DERMLIP_SKIN, null));
        }
        List<ModelComparison> comparisons = ModelComparison.against(List.of("a", "b"), outcomes,
                List.of("macro_auroc"), bootstrap);
        assertEquals(1, comparisons.size());
        RowMetrics a = outcomes.get(0).comparable().get("zero-shot");
        RowMetrics b = outcomes.get(1).comparable().get("zero-shot");
        PairedComparison expected = new PairedBootstrap(bootstrap).compare(a.strata(),
                b.metrics().get("macro_auroc"), a.metrics().get("macro_auroc"));
        assertEquals(expected, comparisons.get(0).comparison());
    }

    /** The zero-shot accuracy of each model in a suite result. */
    private record ZeroShotRows(SuiteResult result) {
        double value(String model) {
            return result.rows().stream().filter(r -> r.task().equals("zero-shot") && r.model().equals(model))
                    .findFirst().orElseThrow().metrics().get("accuracy").value();
        }
    }
}
