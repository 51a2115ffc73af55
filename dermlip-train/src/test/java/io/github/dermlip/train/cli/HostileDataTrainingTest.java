package io.github.dermlip.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.image.HostileImages;
import io.github.dermlip.train.ResultsLog;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train} on hostile data: a run that can train nothing fails with the report, skipped samples are always
 * reported, a decompression bomb is one bad sample, and {@code --confine-paths} refuses escapes by name.
 */
class HostileDataTrainingTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {}

    /** A manifest of {@code good} real images and {@code corrupt} files that are not images, interleaved. */
    private Path manifest(int good, int corrupt, List<String> extraRows) throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        StringBuilder csv = new StringBuilder("filepath\ttitle\n");
        for (int i = 0; i < Math.max(good, corrupt); i++) {
            if (i < good) {
                BufferedImage pixels = new BufferedImage(40, 36, BufferedImage.TYPE_INT_RGB);
                pixels.setRGB(i % 40, i % 36, 0xFF0000 >> (i % 16));
                ImageIO.write(pixels, "png", data.resolve("img" + i + ".png").toFile());
                csv.append("img").append(i).append(".png\ta photo of lesion number ").append(i).append('\n');
            }
            if (i < corrupt) {
                Files.writeString(data.resolve("bad" + i + ".png"), "not an image " + i);
                csv.append("bad").append(i).append(".png\ta broken file number ").append(i).append('\n');
            }
        }
        extraRows.forEach(row -> csv.append(row).append('\n'));
        Path file = data.resolve("train.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private Outcome train(Path manifest, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--train-data", manifest.toString(), "--model", "derm-tiny",
                "--vocab", SharedFixtures.bpeVocab().toString(), "--batch-size", "4", "--epochs", "1", "--warmup", "1",
                "--workers", "1", "--logs", dir.resolve("logs").toString(), "--name", name, "--device", "cpu", "--quiet"));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TrainCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aRunWhoseDataIsAllCorruptFailsWithTheReportAndWritesNoCheckpoint() throws IOException {
        Outcome o = train(manifest(0, 40, List.of()), "corrupt", "--max-bad-fraction", "1");
        assertEquals(TrainCommand.EXIT_USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("epoch 1 of " + dir.resolve("data/train.csv") + " yielded no complete batch"), o.err());
        assertTrue(o.err().contains("bad samples: 40 of 40 seen"), o.err());
        assertTrue(o.err().contains("UNDECODABLE_IMAGE: 40"), o.err());
        assertFalse(Files.exists(new CheckpointLayout(dir.resolve("logs/corrupt")).epoch(1)), "no untrained checkpoint");
    }

    @Test
    void theBadFractionIsCheckedOnSmallDataToo() throws IOException {
        Outcome o = train(manifest(10, 30, List.of()), "mostly-bad");
        assertEquals(TrainCommand.EXIT_USAGE, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("too many bad samples"), o.err());
        assertTrue(o.err().contains("exceed the limit of 5.00%"), o.err());
    }

    @Test
    void skippedSamplesAreReportedEvenWhenTheRunContinues() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.write(data.resolve("bomb.png"), HostileImages.png(20000, 20000));
        Outcome o = train(manifest(8, 7, List.of("bomb.png\ta decompression bomb", "missing.png\tno such file")),
                "half-bad", "--max-bad-fraction", "0.6", "--log-every-n-steps", "1");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("train: skipped 9 bad samples (MISSING_FILE 1, UNDECODABLE_IMAGE 8)"), o.out());
        JsonNode epoch = null;
        for (JsonNode line : ResultsLog.read(dir.resolve("logs/half-bad").resolve(ResultsLog.FILE_NAME))) {
            if (line.get("type").asText().equals("epoch")) {
                epoch = line;
            }
        }
        assertTrue(epoch != null, "an epoch line");
        assertEquals(9, epoch.get("skipped_samples").asLong(), epoch.toString());
        assertEquals(8, epoch.get("skipped_by_reason").get("UNDECODABLE_IMAGE").asLong(), epoch.toString());
        assertEquals(1, epoch.get("skipped_by_reason").get("MISSING_FILE").asLong(), epoch.toString());
    }

    @Test
    void confinedPathsRefuseEscapesByName() throws IOException {
        Path manifest = manifest(8, 0, List.of("../outside.png\tan escape"));
        Outcome confined = train(manifest, "confined", "--confine-paths");
        assertEquals(TrainCommand.EXIT_USAGE, confined.code(), confined.out() + confined.err());
        assertTrue(confined.err().contains(manifest + ": record 9: image path '../outside.png' leaves the image root "
                + dir.resolve("data")), confined.err());
        Outcome open = train(manifest, "open", "--max-bad-fraction", "0.5");
        assertEquals(0, open.code(), open.out() + open.err());
        assertTrue(open.out().contains("MISSING_FILE 1"), "by default the path is followed: " + open.out());
    }
}
