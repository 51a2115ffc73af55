package io.github.dermlip.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.hub.FakeHub;
import io.github.dermlip.train.TrainConfig;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import io.github.dermlip.train.loss.LossKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code train} command: its flags, its errors, and a short real run with CLIP's tokenizer. */
class TrainCommandTest {
    private static final List<String> FLAGS = List.of("--train-data", "--val-data", "--dataset-type", "--csv-img-key",
            "--csv-caption-key", "--csv-separator", "--image-root", "--train-num-samples", "--llava-caption", "--model", "--pretrained",
            "--vocab", "--batch-size", "--epochs", "--lr", "--wd", "--beta1", "--beta2", "--eps", "--warmup",
            "--lr-scheduler", "--epochs-cooldown", "--lr-cooldown-power", "--lr-cooldown-end", "--grad-clip-norm",
            "--accum-freq", "--loss", "--aug-cfg", "--lock-image", "--lock-text", "--lock-text-unlocked-layers",
            "--lock-text-freeze-layer-norm", "--seed", "--workers", "--logs", "--name",
            "--resume", "--save-every-n-steps", "--log-every-n-steps", "--max-steps", "--device", "--max-bad-fraction",
            "--zeroshot-classes", "--zeroshot-data", "--zeroshot-templates", "--confine-paths");

    @TempDir
    Path dir;

    @Test
    void helpListsEveryFlag() {
        StringWriter out = new StringWriter();
        CommandLine cli = TrainCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("train", "--help"));
        for (String flag : FLAGS) {
            assertTrue(out.toString().contains(flag), flag + " missing from --help");
        }
    }

    @Test
    void flagsBecomeTheConfig() {
        CommandLine cli = TrainCommand.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs("train", "--train-data", "a.tsv", "--loss", "siglip",
                "--accum-freq", "2", "--csv-separator", "\\t", "--aug-cfg", "scale=(0.4, 1.0)", "gray_scale_prob=0.2",
                "--name", "x", "--lock-text", "--lock-text-unlocked-layers", "2", "--lock-text-freeze-layer-norm");
        TrainCommand command = (TrainCommand) parsed.subcommand().commandSpec().userObject();
        TrainConfig config = command.toConfig();
        assertEquals(2, config.lockTextUnlockedLayers());
        assertTrue(config.lockTextFreezeLayerNorm());
        assertEquals(LossKind.SIGLIP, config.loss());
        assertEquals(2, config.accumFreq());
        assertEquals('\t', config.csvSeparator());
        assertEquals("(0.4, 1.0)", config.augCfg().get("scale"));
        assertEquals("0.2", config.augCfg().get("gray_scale_prob"));
    }

    @Test
    void hubModelsInModelAndPretrainedResolveOnceToTheirCachedFolder(@TempDir Path cache) throws Exception {
        try (FakeHub hub = FakeHub.start().withRepo("test/tiny", SharedFixtures.openClipModel("tiny-gelu"),
                "open_clip_config.json", "open_clip_model.safetensors").asDefault(cache)) {
            CommandLine.ParseResult parsed = TrainCommand.commandLine().parseArgs("train", "--train-data", "a.tsv",
                    "--model", "hf-hub:test/tiny", "--pretrained", "hf-hub:test/tiny@main");
            TrainConfig config = ((TrainCommand) parsed.subcommand().commandSpec().userObject()).toConfig();
            Path snapshot = cache.resolve("models--test--tiny/snapshots").resolve(FakeHub.commit("test/tiny"));
            assertEquals(snapshot, config.pretrained());
            assertEquals(snapshot.toString(), config.model());
        }
    }

    @Test
    void badArgumentsExitWithUsageCode() {
        StringWriter err = new StringWriter();
        CommandLine cli = TrainCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(TrainCommand.EXIT_USAGE, cli.execute("train", "--train-data", "t.csv", "--loss", "triplet"));
        assertTrue(err.toString().contains("--loss"), err.toString());
    }

    @Test
    void shortRunWritesOpenClipsLayout() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        StringBuilder csv = new StringBuilder("filepath\ttitle\n");
        for (int i = 0; i < 8; i++) {
            Path image = data.resolve("img" + i + ".png");
            java.awt.image.BufferedImage pixels = new java.awt.image.BufferedImage(40, 36,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            pixels.setRGB(i, i, 0xFF0000 >> i);
            javax.imageio.ImageIO.write(pixels, "png", image.toFile());
            csv.append(image.getFileName()).append('\t').append("a photo of lesion number ").append(i).append('\n');
        }
        Files.writeString(data.resolve("train.csv"), csv.toString(), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        CommandLine cli = TrainCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute("train", "--train-data", data.resolve("train.csv").toString(), "--model", "derm-tiny",
                "--vocab", SharedFixtures.bpeVocab().toString(), "--batch-size", "4", "--epochs", "1", "--warmup", "1",
                "--workers", "1", "--logs", dir.resolve("logs").toString(), "--name", "cli", "--log-every-n-steps", "1",
                "--device", "cpu", "--quiet");
        assertEquals(0, code, out.toString());
        Path run = dir.resolve("logs/cli");
        CheckpointLayout layout = new CheckpointLayout(run);
        for (Path file : List.of(run.resolve("params.json"), run.resolve("results.jsonl"),
                run.resolve("plots/training_curves.png"), layout.latestPointer(),
                layout.epoch(1).resolve(CheckpointLayout.MODEL_CONFIG), layout.epoch(1).resolve(CheckpointLayout.MODEL_WEIGHTS),
                layout.epoch(1).resolve(CheckpointLayout.STATE_TENSORS), layout.epoch(1).resolve(CheckpointLayout.STATE_JSON))) {
            assertTrue(Files.isRegularFile(file), file + " missing");
        }
        assertTrue(Files.readString(run.resolve("params.json")).contains("\"batch_size\" : 4"));
        assertTrue(out.toString().contains("2 steps"), out.toString());
    }
}
