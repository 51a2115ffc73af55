package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * run stopped mid-epoch continues in a new JVM with the same losses, bit for bit.
 */
class WebDatasetTrainingTest {
    @TempDir
    Path dir;

    @Test
    void shardsTrainAndResumeExactly() throws Exception {
        Path manifest = ShapesDataset.writeManifest(dir.resolve("images"), "train", 120, 1);
        writeShards(manifest, dir.resolve("shards"), 60);
        String pattern = dir.resolve("shards").resolve("shard-{000..001}.tar").toString();
        List<String> common = List.of("--train-data", pattern, "--train-num-samples", "96", "--model",
                TestRuns.tinyModel(dir).toString(), "--batch-size", "16", "--epochs", "1", "--lr", "1e-3",
                "--warmup", "2", "--seed", "7", "--workers", "2", "--log-every-n-steps", "1",
                "--logs", dir.resolve("logs").toString(), "--quiet");
        TrainingProcess.run(dir.resolve("straight.log"), with(common, "--name", "straight"));
        TrainingProcess.run(dir.resolve("piece1.log"), with(common, "--name", "pieces", "--max-steps", "3"));
        TrainingProcess.run(dir.resolve("piece2.log"), with(common, "--name", "pieces", "--resume", "latest"));

        List<Float> straight = TrainingProcess.losses(dir.resolve("logs/straight"));
        assertEquals(6, straight.size());
        assertEquals(TrainingProcess.bits(straight),
                TrainingProcess.bits(TrainingProcess.losses(dir.resolve("logs/pieces"))));
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

    private static List<String> with(List<String> common, String... more) {
        List<String> out = new ArrayList<>(common);
        out.addAll(List.of(more));
        return out;
    }
}
