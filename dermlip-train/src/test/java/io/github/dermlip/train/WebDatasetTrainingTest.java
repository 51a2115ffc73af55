package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.model.ClipModel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training from WebDataset shards given as a brace pattern: {@code --train-num-samples} sets the epoch length, and a
 * run stopped mid-epoch continues with the same losses.
 */
class WebDatasetTrainingTest {
    @TempDir
    Path dir;

    @Test
    void shardsTrainAndResumeExactly() throws IOException {
        Path manifest = ShapesDataset.writeManifest(dir.resolve("images"), "train", 120, 1);
        writeShards(manifest, dir.resolve("shards"), 60);
        String pattern = dir.resolve("shards").resolve("shard-{000..001}.tar").toString();
        TrainConfig.Builder base = TestRuns.config(dir, manifest, "wds").trainData(pattern).trainNumSamples(96L)
                .epochs(1);

        List<Float> straight = losses(base.build());
        List<Float> pieces = new ArrayList<>(losses(base.name("wds-pieces").maxSteps(3L).build()));
        pieces.addAll(losses(base.resume(TrainConfig.RESUME_LATEST).maxSteps(null).build()));

        assertEquals(6, straight.size());
        assertEquals(straight, pieces);
        for (int i = 0; i < straight.size(); i++) {
            assertEquals(Float.floatToRawIntBits(straight.get(i)), Float.floatToRawIntBits(pieces.get(i)));
        }
    }

    /** Packs the manifest's images and captions into shards of {@code perShard} samples. */
    private static void writeShards(Path manifest, Path dir, int perShard) throws IOException {
        Files.createDirectories(dir);
        List<String> rows = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        int shard = 0;
        for (int start = 1; start < rows.size(); start += perShard, shard++) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(String.format("shard-%03d.tar", shard)));
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                for (int r = start; r < Math.min(rows.size(), start + perShard); r++) {
                    String[] cells = rows.get(r).split(",", 2);
                    String key = cells[0].substring(0, cells[0].length() - ".png".length());
                    put(tar, key + ".png", Files.readAllBytes(manifest.resolveSibling(cells[0])));
                    put(tar, key + ".txt", cells[1].getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    private static List<Float> losses(TrainConfig config) throws IOException {
        List<Float> out = new ArrayList<>();
        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {
            @Override
            public void stepFinished(StepRecord record, ClipModel model, NDManager runManager) {
                out.add(record.loss());
            }
        }).run();
        return out;
    }
}
