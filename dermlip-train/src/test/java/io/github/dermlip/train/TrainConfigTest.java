package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.train.checkpoint.TrainingState;
import io.github.dermlip.train.optim.LrSchedulerKind;
import org.junit.jupiter.api.Test;

/** Validation, open_clip defaults and the resume fingerprint of {@link TrainConfig}. */
class TrainConfigTest {

    @Test
    void defaultsAreOpenClips() {
        TrainConfig c = TrainConfig.builder().trainData("train.csv").build();
        assertEquals(64, c.batchSize());
        assertEquals(5e-4, c.lr());
        assertEquals(0.2, c.wd());
        assertEquals(0.98, c.beta2());
        assertEquals(1e-6, c.eps());
        assertEquals(10_000, c.warmup());
        assertEquals(LrSchedulerKind.COSINE, c.lrScheduler());
        assertTrue(c.name().contains("-model_ViT-B-16-lr_5.0E-4-b_64-j_4-p_fp32"), c.name());
    }

    @Test
    void badValuesAreRefusedByFlagName() {
        assertMessage("--train-data", TrainConfig.builder());
        assertMessage("--batch-size", TrainConfig.builder().trainData("t.csv").batchSize(0));
        assertMessage("--accum-freq", TrainConfig.builder().trainData("t.csv").accumFreq(0));
        assertMessage("--epochs-cooldown", TrainConfig.builder().trainData("t.csv").lrScheduler(LrSchedulerKind.CONST_COOLDOWN));
        assertMessage("--beta2", TrainConfig.builder().trainData("t.csv").beta2(1.0));
        assertMessage("--zeroshot-data", TrainConfig.builder().trainData("t.csv").zeroshotClasses(java.nio.file.Path.of("c.txt")));
    }

    @Test
    void fingerprintIgnoresBoundsAndLoggingButNotOptimization() {
        TrainConfig base = TrainConfig.builder().trainData("t.csv").name("a").build();
        String hash = TrainingState.hash(base.trajectoryJson());
        assertEquals(hash, TrainingState.hash(base.toBuilder().maxSteps(10L).logEveryNSteps(1).workers(1)
                .resume("latest").saveEveryNSteps(5).build().trajectoryJson()));
        assertNotEquals(hash, TrainingState.hash(base.toBuilder().lr(1e-3).build().trajectoryJson()));
        assertNotEquals(hash, TrainingState.hash(base.toBuilder().seed(1).build().trajectoryJson()));
        assertEquals("a", base.toJson().get("name").asText());
    }

    @Test
    void datasetTypeAutoFollowsTheName() {
        assertEquals(DatasetType.WEBDATASET, DatasetType.AUTO.resolve("shards/{000..009}.tar"));
        assertEquals(DatasetType.JSONL, DatasetType.AUTO.resolve("pairs.jsonl"));
        assertEquals(DatasetType.CSV, DatasetType.AUTO.resolve("Derm1M_v2_pretrain.csv"));
        assertEquals(DatasetType.CSV, DatasetType.CSV.resolve("x.tar"));
    }

    private static void assertMessage(String flag, TrainConfig.Builder builder) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(flag), e.getMessage());
    }
}
