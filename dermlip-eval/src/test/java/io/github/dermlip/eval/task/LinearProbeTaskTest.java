package io.github.dermlip.eval.task;

import static io.github.dermlip.eval.task.ReportAssertions.bracketed;
import static io.github.dermlip.eval.task.ReportAssertions.json;
import static io.github.dermlip.eval.task.ReportAssertions.lines;
import static io.github.dermlip.eval.task.ReportAssertions.png;
import static io.github.dermlip.eval.task.ReportAssertions.tables;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.metrics.ClassificationMetrics;
import io.github.dermlip.eval.probe.CostSearch;
import io.github.dermlip.eval.probe.LogisticRegressionProbe;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearProbeTaskTest {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(40, 3, 0.95, false);

    @TempDir
    Path dir;
    private Path root;
    private LabeledDataset data;
    private FakeModel model;

    @BeforeEach
    void setUp() throws IOException {
        root = TinyDataset.write(dir.resolve("data"));
        data = TaskInputs.labeled(root.resolve("labels.csv").toString(), null, null, null);
        model = new FakeModel("fake", TinyDataset.CLASSES, 0.3);
    }

    @Test
    void shotBudgetsTrainOnShotsPerClassAndTestOnTheTestSplit() throws IOException {
        LinearProbeSettings settings = new LinearProbeSettings(List.of(ProbeBudget.shots(1), ProbeBudget.shots(4)),
                3, null, "test", null);
        LinearProbeResult result = new LinearProbeTask(BOOTSTRAP).evaluate(model, data, settings);
        assertEquals(18, result.splits().train().length);
        assertEquals(9, result.splits().test().length);
        assertEquals(0, result.splits().validation().length);
        ProbeSettingResult four = result.settings().get(1);
        assertEquals(List.of(3L, 4L, 5L), four.runs().stream().map(ProbeRun::seed).toList());
        four.runs().forEach(run -> assertEquals(12, run.trainSize()));
        four.runs().forEach(run -> assertEquals(LogisticRegressionProbe.dermlipC(FakeModel.DIM, 3), run.c()));
        double[] accuracies = four.estimates().reports().stream().mapToDouble(r -> r.accuracy()).toArray();
        double mean = Arrays.stream(accuracies).average().orElseThrow();
        assertEquals(mean, four.estimates().mean().get("accuracy").value(), 1e-12);
        double variance = Arrays.stream(accuracies).map(a -> (a - mean) * (a - mean)).sum() / accuracies.length;
        assertEquals(Math.sqrt(variance), four.estimates().std().get("accuracy"), 1e-12);
        assertTrue(mean > 0.7, "four shots of a well-separated fake model classify well: " + mean);
    }

    @Test
    void aSeedsProbeMatchesAProbeFittedByHand() throws IOException {
        LinearProbeSettings settings = new LinearProbeSettings(List.of(ProbeBudget.percent(50)), 1, null, "test",
                null);
        LinearProbeResult result = new LinearProbeTask(BOOTSTRAP).evaluate(model, data, settings);
        float[][] features = model.encodeImages(data.images());
        int[] labels = data.labels();
        int[] train = result.splits().train();
        int[] trainLabels = Arrays.stream(train).map(i -> labels[i]).toArray();
        int[] kept = Arrays.stream(ProbeBudget.percent(50).sample(trainLabels, 3)).map(i -> train[i]).toArray();
        float[][] x = Arrays.stream(kept).mapToObj(i -> features[i]).toArray(float[][]::new);
        int[] y = Arrays.stream(kept).map(i -> labels[i]).toArray();
        int[] test = result.splits().test();
        double[][] probabilities = LogisticRegressionProbe.dermlip(FakeModel.DIM, 3).fit(x, y, 3).classifier()
                .predictProba(Arrays.stream(test).mapToObj(i -> features[i]).toArray(float[][]::new));
        double expected = ClassificationMetrics.compute(Arrays.stream(test).map(i -> labels[i]).toArray(),
                probabilities, 3).macroAuroc();
        assertEquals(9, result.settings().get(0).runs().get(0).trainSize());
        assertEquals(expected, result.settings().get(0).estimates().mean().get("macro_auroc").value(), 1e-12);
    }

    @Test
    void featuresAreCachedAndReused() throws IOException {
        Path cache = dir.resolve("cache");
        LinearProbeSettings settings = new LinearProbeSettings(List.of(ProbeBudget.percent(100)), 1, null, "test",
                cache);
        LinearProbeResult first = new LinearProbeTask(BOOTSTRAP).evaluate(model, data, settings);
        assertEquals(1, model.imageCalls());
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".npy")).count());
        }
        LinearProbeResult second = new LinearProbeTask(BOOTSTRAP).evaluate(model, data, settings);
        assertEquals(1, model.imageCalls(), "the second run reads the cache");
        assertEquals(first.settings().get(0).estimates().mean(), second.settings().get(0).estimates().mean());
    }

    @Test
    void withoutASplitColumnAStratifiedHoldOutIsTested() throws IOException {
        LabeledDataset unsplit = TaskInputs.labeled(root.resolve("unsplit.csv").toString(), null, null, null);
        ProbeSplits splits = ProbeSplits.of(unsplit, "test", true, 0);
        assertEquals(6, splits.test().length, "floor(0.2 * 10) per class");
        assertEquals(3, splits.validation().length, "floor(0.2 * 8) per class");
        assertEquals(21, splits.train().length);
        int[] all = Stream.of(splits.train(), splits.validation(), splits.test()).flatMapToInt(Arrays::stream)
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 30).toArray(), all);
        int[] testLabels = Arrays.stream(splits.test()).map(i -> unsplit.labels()[i]).toArray();
        assertArrayEquals(new int[] {2, 2, 2}, Arrays.stream(new int[] {0, 1, 2})
                .map(c -> (int) Arrays.stream(testLabels).filter(l -> l == c).count()).toArray());
    }

    @Test
    void selectCPicksFromTheGridOnTheValidationSplit() throws IOException {
        CostSearch grid = CostSearch.logGrid(0.01, 100, 5);
        LinearProbeSettings settings = new LinearProbeSettings(List.of(ProbeBudget.shots(2)), 2, grid, "test", null);
        LinearProbeResult result = new LinearProbeTask(BOOTSTRAP).evaluate(model, data, settings);
        assertEquals(3, result.splits().validation().length, "the dataset's val split");
        assertEquals("validation-search", result.cRule());
        for (ProbeRun run : result.settings().get(0).runs()) {
            assertTrue(Arrays.stream(grid.grid()).anyMatch(c -> c == run.c()), "C " + run.c() + " is from the grid");
        }
    }

    @Test
    void writesEveryReportFile() throws IOException {
        Path out = dir.resolve("out");
        LinearProbeSettings settings = new LinearProbeSettings(List.of(ProbeBudget.percent(10),
                ProbeBudget.percent(100)), 2, null, "test", null);
        LinearProbeResult result = new LinearProbeTask(BOOTSTRAP).run(model, data, settings, out, List.of("probe"));
        JsonNode json = json(out.resolve("metrics.json"));
        assertEquals("linear-probe", json.get("task").asText());
        assertEquals("percent", json.get("budget").asText());
        assertEquals("dermlip", json.get("c_rule").asText());
        assertEquals(9, json.get("splits").get("test").asInt());
        JsonNode tenPercent = json.get("settings").get(0);
        assertEquals("10%", tenPercent.get("setting").asText());
        assertEquals("linear-probe-10%", tenPercent.get("task").asText());
        double accuracy = result.settings().get(0).estimates().mean().get("accuracy").value();
        assertEquals(accuracy, tenPercent.get("accuracy").asDouble(), 1e-12);
        bracketed(tenPercent.get("intervals").get("balanced_accuracy"), tenPercent.get("balanced_accuracy").asDouble());
        assertEquals(2, tenPercent.get("per_seed").get("macro_auroc").size());
        assertEquals(List.of(3, 3), List.of(tenPercent.get("train_size").get(0).asInt(),
                tenPercent.get("train_size").get(1).asInt()), "max(1, floor(0.1 * 6)) per class");
        assertEquals(2, json.get("results").size());
        tables(out, "results", "model,task,dataset,accuracy");
        tables(out, "mean_std", "setting,accuracy_mean,accuracy_std");
        tables(out, "seeds", "setting,seed,train_size,c,iterations,converged,accuracy");
        assertEquals(5, lines(out.resolve("seeds.csv")).size());
        assertTrue(lines(out.resolve("mean_std.md")).get(2).contains(" ± "));
        for (String metric : ZeroShotReport.PLOTTED_METRICS) {
            png(out.resolve("curve_" + metric + ".png"));
        }
    }

    @Test
    void mixedBudgetKindsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LinearProbeSettings(List.of(ProbeBudget.percent(10),
                ProbeBudget.shots(1)), 1, null, "test", null));
        assertThrows(IllegalArgumentException.class, () -> ProbeBudget.percent(0));
        assertThrows(IllegalArgumentException.class, () -> new ProbeBudget(ProbeBudget.Kind.SHOTS, 1.5));
        assertEquals("16-shot", ProbeBudget.shots(16).label());
        assertEquals("0.5%", ProbeBudget.percent(0.5).label());
    }
}
