package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.train.data.LlavaCaption;
import io.github.dermlip.train.data.ManifestSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ::}-joined manifests of different formats train as one data set. */
class TrainingDataMixTest {
    @TempDir
    Path dir;

    @Test
    void aCsvAndALlavaJsonMixByExtension() throws IOException {
        Path csvDir = Files.createDirectories(dir.resolve("derm1m"));
        Path csv = Files.writeString(csvDir.resolve("pretrain.csv"), "filepath,title\na.png,a csv caption\n");
        Path jsonDir = Files.createDirectories(dir.resolve("mmskin"));
        Path json = Files.writeString(jsonDir.resolve("vqa_MM.json"), "[{\"id\": \"1\", \"image\": \"dataset/b.png\","
                + " \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nQ1\"}, {\"from\": \"gpt\","
                + " \"value\": \"first\"}, {\"from\": \"human\", \"value\": \"Q2\"}, {\"from\": \"gpt\", \"value\": \"second\"}]}]");
        TrainConfig config = TestRuns.config(dir, csv, "mix").trainData(csv + "::" + json)
                .llavaCaption(LlavaCaption.PAIRS).build();

        ManifestSource mix = (ManifestSource) TrainingData.training(config);

        assertEquals(3, mix.rows());
        assertEquals(csvDir.toAbsolutePath().resolve("a.png").toString(), mix.entry(0).imagePath());
        assertEquals("a csv caption", mix.entry(0).caption());
        assertEquals(jsonDir.toAbsolutePath().resolve("dataset/b.png").toString(), mix.entry(1).imagePath());
        assertEquals("first", mix.entry(1).caption());
        assertEquals("second", mix.entry(2).caption());
    }

    @Test
    void shardsAndManifestsDoNotMix() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "filepath,title\na.png,x\n");
        TrainConfig config = TestRuns.config(dir, csv, "bad").trainData(csv + "::shards-{000..001}.tar").build();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrainingData.training(config));

        assertTrue(error.getMessage().contains("mixes WebDataset shards with manifests"), error.getMessage());
    }

    @Test
    void autoResolvesJsonToLlava() {
        assertEquals(DatasetType.LLAVA, DatasetType.AUTO.resolve("/x/vqa_PubMM.json"));
        assertEquals(DatasetType.LLAVA, DatasetType.parse("llava"));
    }
}
