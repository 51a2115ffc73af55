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
import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.metrics.ClassificationMetrics;
import io.github.dermlip.eval.metrics.ClassificationReport;
import io.github.dermlip.eval.report.MetricsJson;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZeroShotTaskTest {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(50, 7, 0.95, false);

    @TempDir
    Path dir;
    private LabeledDataset data;
    private FakeModel model;

    @BeforeEach
    void setUp() throws IOException {
        Path root = TinyDataset.write(dir.resolve("data"));
        data = TaskInputs.labeled(root.resolve("labels.csv").toString(), null, root.resolve("classes.txt"), null);
        model = new FakeModel("fake", TinyDataset.CLASSES, 0.6);
    }

    @Test
    void metricsMatchAnIndependentComputationOfTheModelsProbabilities() throws IOException {
        ClassList classes = TaskInputs.classList("labels.csv", data, null);
        ZeroShotResult result = new ZeroShotTask(BOOTSTRAP).evaluate(model, data, classes,
                PromptTemplates.DERMLIP_SKIN, null);
        float[][] expected = model.zeroShotProbabilities(model.encodeImages(data.images()), TinyDataset.CLASSES,
                PromptTemplates.DERMLIP_SKIN.templates());
        double[][] wide = new double[expected.length][];
        for (int i = 0; i < wide.length; i++) {
            assertArrayEquals(expected[i], result.probabilities()[i]);
            wide[i] = new double[expected[i].length];
            for (int c = 0; c < wide[i].length; c++) {
                wide[i][c] = expected[i][c];
            }
        }
        ClassificationReport reference = ClassificationMetrics.compute(data.labels(), wide, 3);
        assertEquals(reference.scalars(), result.report().scalars());
        assertEquals(reference.accuracy(), result.estimates().mean().get("accuracy").value());
        assertTrue(result.report().accuracy() > 0.5, "the fake model separates the classes");
    }

    @Test
    void writesEveryReportFile() throws IOException {
        Path out = dir.resolve("out");
        ZeroShotResult result = new ZeroShotTask(BOOTSTRAP).run(model, data,
                TaskInputs.classList("labels.csv", data, null), PromptTemplates.DERMLIP_SKIN, "sex", out,
                List.of("zeroshot", "--seed", "7"));
        JsonNode json = json(out.resolve("metrics.json"));
        assertEquals("dermlip-metrics/1", json.get("schema").asText());
        assertEquals("zero-shot", json.get("task").asText());
        for (String name : List.of("accuracy", "balanced_accuracy", "macro_f1", "weighted_f1", "macro_auroc",
                "macro_aupr", "ece")) {
            double value = result.report().scalars().get(name);
            assertEquals(value, json.get(name).asDouble(), 1e-12, name);
            bracketed(json.get("intervals").get(name), value);
        }
        assertTrue(!json.has("top5_accuracy"), "top-5 accuracy is undefined for three classes");
        assertEquals(30, json.get("n").asInt());
        JsonNode perClass = json.get("per_class").get(0);
        assertEquals(TinyDataset.CLASSES.size(), perClass.get("classes").size());
        assertEquals(10, perClass.get("metrics").get("support").get(1).asInt());
        assertEquals(7, json.get("provenance").get("seed").asInt());
        assertEquals(result.rows(), MetricsJson.read(out.resolve("metrics.json")).results());

        tables(out, "results", "model,task,dataset,accuracy,accuracy_low,accuracy_high");
        tables(out, "per_class", "class,precision,recall,f1,auroc,support");
        List<String> predictions = lines(out.resolve("predictions.csv"));
        assertEquals("image_path,true_label,predicted_label,prob_0,prob_1,prob_2", predictions.get(0));
        assertEquals(31, predictions.size());
        String[] first = predictions.get(1).split(",");
        assertEquals(result.probabilities()[0][2], Float.parseFloat(first[5]));
        png(out.resolve("confusion_fake_zero-shot_labels.png"));
        png(out.resolve("reliability.png"));

        JsonNode groups = json.get("groups");
        assertEquals("sex", groups.get("column").asText());
        JsonNode accuracyByGroup = groups.get("metrics").get("accuracy").get("groups");
        assertEquals(List.of("female", "male"), List.of(accuracyByGroup.get(0).get("group").asText(),
                accuracyByGroup.get(1).get("group").asText()));
        assertEquals(15, accuracyByGroup.get(0).get("n").asInt());
        tables(out, "groups_sex", "model,task,dataset,accuracy");
        assertTrue(lines(out.resolve("groups_sex.csv")).get(1).contains("labels [sex=female]"));
        for (String metric : ZeroShotReport.PLOTTED_METRICS) {
            png(out.resolve("groups_sex_" + metric + ".png"));
        }
    }

    @Test
    void theSameSeedGivesTheSameIntervals() throws IOException {
        ClassList classes = TaskInputs.classList("labels.csv", data, null);
        ZeroShotResult a = new ZeroShotTask(BOOTSTRAP).evaluate(model, data, classes, PromptTemplates.DERMLIP_SKIN,
                null);
        ZeroShotResult b = new ZeroShotTask(BOOTSTRAP).evaluate(model, data, classes, PromptTemplates.DERMLIP_SKIN,
                null);
        assertEquals(a.estimates().mean(), b.estimates().mean());
    }

    @Test
    void aClassListOfTheWrongSizeIsRefused() {
        ClassList two = new ClassList("two", List.of("melanoma", "nevus"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ZeroShotTask(BOOTSTRAP).evaluate(model, data, two, PromptTemplates.DERMLIP_SKIN, null));
        assertTrue(e.getMessage().contains("has 2 names but dataset 'labels' has 3 classes"), e.getMessage());
    }

    @Test
    void anUnknownGroupColumnIsRefused() {
        ClassList classes = TaskInputs.classList("labels.csv", data, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ZeroShotTask(BOOTSTRAP)
                .evaluate(model, data, classes, PromptTemplates.DERMLIP_SKIN, "age"));
        assertTrue(e.getMessage().contains("no group column 'age'"), e.getMessage());
    }
}
