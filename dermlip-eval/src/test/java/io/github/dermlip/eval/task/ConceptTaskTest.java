package io.github.dermlip.eval.task;

import static io.github.dermlip.eval.task.ReportAssertions.bracketed;
import static io.github.dermlip.eval.task.ReportAssertions.json;
import static io.github.dermlip.eval.task.ReportAssertions.lines;
import static io.github.dermlip.eval.task.ReportAssertions.png;
import static io.github.dermlip.eval.task.ReportAssertions.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.eval.concepts.ConceptAnnotationReport;
import io.github.dermlip.eval.concepts.ConceptAnnotator;
import io.github.dermlip.eval.concepts.ConceptScores;
import io.github.dermlip.eval.concepts.ConceptTerms;
import io.github.dermlip.eval.concepts.PromptPair;
import io.github.dermlip.eval.data.ConceptDataset;
import io.github.dermlip.eval.data.ConceptPromptFiles;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConceptTaskTest {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(40, 1, 0.95, false);

    @TempDir
    Path dir;
    private Path root;
    private FakeModel model;

    @BeforeEach
    void setUp() throws IOException {
        root = TinyDataset.write(dir.resolve("data"));
        model = new FakeModel("fake", TinyDataset.CLASSES, 0.5);
    }

    @Test
    void writesTheAnnotatorsAurocsAndEveryReportFile() throws IOException {
        ConceptDataset data = TaskInputs.concepts(root.resolve("skincon.csv"), root.resolve("images"));
        assertEquals(29, data.size(), "the flagged row is dropped");
        Map<String, List<String>> terms = ConceptTerms.read(root.resolve("terms.json"));
        Path out = dir.resolve("out");
        ConceptResult result = new ConceptTask(BOOTSTRAP).run(model, data, terms, ConceptAnnotator.DERMLIP_PROMPTS,
                out, List.of("concepts"));
        ConceptScores scores = new ConceptAnnotator(model::encodeTexts).score(model.encodeImages(data.images()),
                ConceptTerms.select(data.conceptNames(), terms));
        int[][] labels = new int[data.size()][TinyDataset.CONCEPTS.size()];
        for (int i = 0; i < labels.length; i++) {
            for (int c = 0; c < labels[i].length; c++) {
                labels[i][c] = data.has(i, c) ? 1 : 0;
            }
        }
        ConceptAnnotationReport expected = ConceptAnnotationReport.evaluate(scores, labels);
        assertEquals(expected, result.report());

        JsonNode json = json(out.resolve("metrics.json"));
        assertEquals("concepts", json.get("task").asText());
        assertEquals(expected.meanAuroc(), json.get("mean_auroc").asDouble(), 1e-12);
        bracketed(json.get("mean_auroc_interval"), expected.meanAuroc());
        assertEquals(expected.aboveThreshold(), json.get("concepts_above_0.7").asInt());
        assertEquals(3, json.get("per_concept").size());
        JsonNode papule = json.get("per_concept").get(0);
        assertEquals("Papule", papule.get("concept").asText());
        assertEquals(expected.perConcept().get(0).auroc(), papule.get("auroc").asDouble(), 1e-12);
        assertEquals(14, papule.get("positives").asInt());
        tables(out, "results", "model,task,dataset,mean_auroc");
        tables(out, "concepts", "concept,auroc,auroc_low,auroc_high,positives,negatives");
        List<String> scoreLines = lines(out.resolve("concept_scores.csv"));
        assertEquals("image_path,Papule,Plaque,Pigmented", scoreLines.get(0));
        assertEquals(30, scoreLines.size());
        png(out.resolve("concept_auroc.png"));
    }

    @Test
    void promptPairFilesReadJsonAndLines() throws IOException {
        Path json = Files.writeString(dir.resolve("p.json"), "[{\"template\": \"photo of {}\", \"reference\":"
                + " \"photo\"}, [\"{} seen\", \"seen\"]]");
        assertEquals(List.of(new PromptPair("photo of {}", "photo"), new PromptPair("{} seen", "seen")),
                ConceptPromptFiles.read(json));
        Path text = Files.writeString(dir.resolve("p.txt"), "photo of {} | photo\n\n{} seen|seen\n");
        assertEquals(ConceptPromptFiles.read(json), ConceptPromptFiles.read(text));
        Path bad = Files.writeString(dir.resolve("bad.txt"), "photo of {}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConceptPromptFiles.read(bad));
        assertTrue(e.getMessage().contains("bad.txt: line 1 must read 'template | reference'"), e.getMessage());
    }
}
