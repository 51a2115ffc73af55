package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny CLIP (word-level tokenizer, 32-pixel ViT) trained on CPU for a bounded number of steps on coloured shapes learns to match images and captions:
 * retrieval and zero-shot accuracy on held-out data end far above chance.
 */
class TrainingLearnsTest {
    /**
     * 32 held-out pairs: a random ranking puts the true caption first 1/32 (0.03) of the time. Captions of one class
     * differ only in the shape word and the phrasing, so a model that gets every class right but ignores the shape
     * reaches about 1/4 (4 pairs a class); the bound asks for 5 times chance, in both directions.
     */
    private static final double MIN_R1 = 0.15;
    /** R@5 by chance is 5/32 (0.16). */
    private static final double MIN_R5 = 0.5;
    /** 8 classes: chance is 1/8 (0.125). */
    private static final double MIN_ZERO_SHOT_TOP1 = 0.75;

    @TempDir
    Path dir;

    @Test
    void retrievalAndZeroShotEndFarAboveChance() throws Exception {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 512, 1);
        Path val = ShapesDataset.writeManifest(dir.resolve("data"), "val", 32, 2);
        Path zeroShot = ShapesDataset.writeZeroShot(dir.resolve("zs"), 64, 3);
        TrainConfig config = TrainConfig.builder().trainData(train.toString()).valData(val.toString())
                .model(TestRuns.tinyModel(dir).toString()).batchSize(32).epochs(4).lr(3e-3).wd(0.1)
                .warmup(8).seed(3).workers(2).logs(dir.resolve("logs")).name("learns").logEveryNSteps(4).quiet(true)
                .zeroshotClasses(dir.resolve("zs/classes.txt")).zeroshotData(zeroShot).build();
        long start = System.nanoTime();
        TrainingSummary summary = new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> metrics = summary.lastMetrics();
        System.out.printf("trained %d steps in %.1f s: %s%n", summary.steps(), seconds, metrics);

        assertEquals(64, summary.steps());
        assertTrue(metrics.get("image_to_text_R@1") >= MIN_R1, metrics.toString());
        assertTrue(metrics.get("text_to_image_R@1") >= MIN_R1, metrics.toString());
        assertTrue(metrics.get("image_to_text_R@5") >= MIN_R5, metrics.toString());
        assertTrue(metrics.get("text_to_image_R@5") >= MIN_R5, metrics.toString());
        assertTrue(metrics.get("zeroshot-top1") >= MIN_ZERO_SHOT_TOP1, metrics.toString());

        List<JsonNode> results = ResultsLog.read(config.runDirectory().resolve(ResultsLog.FILE_NAME));
        JsonNode first = results.get(0);
        JsonNode lastEpoch = results.get(results.size() - 1);
        assertEquals("epoch", lastEpoch.get("type").asText());
        assertTrue(lastEpoch.get("train_loss_avg").asDouble() < first.get("loss").asDouble(), "training loss falls");
        assertTrue(Files.isRegularFile(summary.curves()));
        assertTrue(Files.isRegularFile(config.runDirectory().resolve("params.json")));
    }
}
