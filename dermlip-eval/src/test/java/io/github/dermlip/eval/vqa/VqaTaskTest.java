package io.github.dermlip.eval.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.eval.data.LoadOptions;
import io.github.dermlip.eval.data.MmSkinVqa;
import io.github.dermlip.eval.data.VqaDataset;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.task.FakeModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VqaTaskTest {
    private static final List<String> COLOURS = List.of("red", "blue", "green");

    @TempDir
    Path release;

    @Test
    void closedQuestionsAreAnsweredByTheBestCandidateAndOpenOnesRankTheirAnswer() throws IOException {
        StringBuilder csv = new StringBuilder("image,question,answer,modality\n");
        for (int i = 0; i < 12; i++) {
            int colour = i % 3;
            String image = "dataset/c" + colour + "_" + i + ".png";
            Files.createDirectories(release.resolve("dataset"));
            Files.writeString(release.resolve(image), "img");
            csv.append(image).append(",\"What colour is it? Options: red, blue, green\",")
                    .append(COLOURS.get(colour)).append(i < 6 ? ",clinical\n" : ",dermoscopic\n");
        }
        for (int colour = 0; colour < 3; colour++) {
            csv.append("dataset/c").append(colour).append('_').append(colour).append(".png,Describe it.,A ").append(COLOURS.get(colour))
                    .append(" patch.\n");
        }
        Path vqa = Files.createDirectories(release.resolve("Dataframe/test/vqa"));
        Files.writeString(vqa.resolve("MM-Skin_test.csv"), csv);
        VqaDataset data = MmSkinVqa.load(release, LoadOptions.DEFAULT);
        Path out = release.resolve("out");

        VqaResult result = new VqaTask(Bootstrap.withSeed(1), PromptForm.ANSWER)
                .run(new FakeModel("fake", COLOURS, 0.05), data, out, List.of("vqa"));

        assertEquals(15, result.questions());
        assertEquals(1.0, result.closed().accuracy().value());
        assertEquals(1.0 / 3, result.closed().chance(), 1e-12);
        assertEquals(List.of("clinical", "dermoscopic"),
                result.closed().byModality().groups().stream().map(g -> g.group()).toList());
        assertEquals(1.0, result.openMetrics().get("R@1").value());
        assertEquals(3, result.open().report().n());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        List<String> tasks = List.of(VqaResult.CLOSED, VqaResult.CLOSED + "-clinical", VqaResult.CLOSED + "-dermoscopic",
                VqaResult.OPEN);
        for (int i = 0; i < tasks.size(); i++) {
            assertEquals(tasks.get(i), metrics.get("results").get(i).get("task").asText());
        }
        for (String file : List.of("results.csv", "results.md", "results.tex", "ranks.csv", "ranks.md", "ranks.tex")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        List<String> predictions = Files.readAllLines(out.resolve(VqaReportFiles.PREDICTIONS_CSV));
        assertEquals(13, predictions.size());
        assertTrue(predictions.get(1).endsWith(",red|blue|green,red,red,true"), predictions.get(1));
    }

    @Test
    void aSetWithoutOpenQuestionsHasNoOpenRow() throws IOException {
        Files.writeString(release.resolve("c0_a.png"), "img");
        Path json = Files.writeString(release.resolve("vqa.json"),
                "[{\"image\": \"c0_a.png\", \"question\": \"Is it red?\", \"answer\": \"Yes.\"}]");

        VqaResult result = new VqaTask(Bootstrap.withSeed(1), PromptForm.QUESTION_ANSWER)
                .evaluate(new FakeModel("fake", COLOURS, 0.05), MmSkinVqa.load(json, LoadOptions.DEFAULT));

        assertNull(result.open());
        assertEquals(1, result.rows().size());
        assertEquals(0.5, result.closed().chance());
    }
}
