package io.github.dermlip.eval.task;

import static io.github.dermlip.eval.task.ReportAssertions.bracketed;
import static io.github.dermlip.eval.task.ReportAssertions.json;
import static io.github.dermlip.eval.task.ReportAssertions.png;
import static io.github.dermlip.eval.task.ReportAssertions.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.eval.data.CaptionCsv;
import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.data.DatasetException;
import io.github.dermlip.eval.metrics.RetrievalMetrics;
import io.github.dermlip.eval.metrics.RetrievalReport;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalTaskTest {
    private static final Bootstrap BOOTSTRAP = new Bootstrap(60, 11, 0.95, false);

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
    void writesEveryReportFile() throws IOException {
        CaptionedImages data = TaskInputs.captions(root.resolve("captions.csv").toString(), null,
                CaptionCsv.DEFAULT_IMAGE_KEY, CaptionCsv.DEFAULT_CAPTION_KEY);
        Path out = dir.resolve("out");
        RetrievalResult result = new RetrievalTask(BOOTSTRAP).run(model, data, out, List.of("retrieval"));
        RetrievalReport reference = RetrievalMetrics.fromEmbeddings(model.encodeImages(data.images()),
                model.encodeTexts(data.captions()));
        assertEquals(reference.scalars(), result.report().scalars());
        JsonNode json = json(out.resolve("metrics.json"));
        assertEquals("retrieval", json.get("task").asText());
        assertEquals(30, json.get("n").asInt());
        for (Map.Entry<String, Double> e : reference.scalars().entrySet()) {
            assertEquals(e.getValue(), json.get(e.getKey()).asDouble(), 1e-12, e.getKey());
            bracketed(json.get("intervals").get(e.getKey()), e.getValue());
        }
        assertEquals(1.0, json.get("image_to_text_R@50").asDouble(), "k above n retrieves everything");
        assertEquals(List.of("retrieval-image-to-text", "retrieval-text-to-image"),
                List.of(json.get("results").get(0).get("task").asText(), json.get("results").get(1).get("task")
                        .asText()));
        tables(out, "results", "model,task,dataset,R@1,R@1_low,R@1_high");
        assertTrue(!Files.readString(out.resolve("results.md")).contains("mean_rank"), "ranks are not percentages");
        tables(out, "ranks", "model,task,dataset,mean_rank");
        png(out.resolve("recall_at_k.png"));
    }

    @Test
    void captionCsvErrorsNameTheFileAndRow() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "filepath,title\nimages/missing.png,a caption\n");
        DatasetException missing = assertThrows(DatasetException.class,
                () -> CaptionCsv.read(csv, root, "filepath", "title"));
        assertTrue(missing.getMessage().contains("bad.csv: line 2: image 'images/missing.png' not found"),
                missing.getMessage());
        DatasetException column = assertThrows(DatasetException.class,
                () -> CaptionCsv.read(csv, root, "filepath", "caption"));
        assertTrue(column.getMessage().contains("no caption column 'caption'"), column.getMessage());
    }

    @Test
    void captionCsvLeavesBlankCaptionsOut() throws IOException {
        Path csv = Files.writeString(dir.resolve("blank.csv"),
                "filepath,title\nimages/c0_0.png,\"  \"\nimages/c0_1.png,kept\n");
        CaptionedImages pairs = CaptionCsv.read(csv, root, "filepath", "title");
        assertEquals(List.of("kept"), pairs.captions());
    }
}
