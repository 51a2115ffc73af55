package io.github.dermlip.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.eval.probe.Npy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * {@code embed} end to end against open_clip 3.3.0's outputs for the shared fixtures, the PanDerm, timm and
 * Hugging Face BERT towers included.
 */
class EmbedCommandTest {
    private static final String SAFETENSORS = "open_clip_model.safetensors";
    private static final String BIN = "open_clip_pytorch_model.bin";

    static Stream<Arguments> fixturesAndWeightFiles() {
        // The BERT fixtures name their text model by a folder beside the config, so they are run in place.
        Stream<Arguments> bertTowers = Stream.of("tiny-panderm-bert-mean", "tiny-timm-vit-bert-cls",
                "tiny-timm-vit-bert-pooler").map(f -> Arguments.of(f, SAFETENSORS));
        return Stream.concat(Stream.of(CliFixtures.GELU, CliFixtures.QUICKGELU_CUSTOMTEXT)
                .flatMap(f -> Stream.of(Arguments.of(f, SAFETENSORS), Arguments.of(f, BIN))), bertTowers);
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("fixturesAndWeightFiles")
    void embeddingsMatchOpenClip(String fixture, String weights, @TempDir Path tmp) throws Exception {
        Path fixtureDir = CliFixtures.dir(fixture);
        Path hub = fixtureDir;
        if (weights.equals(BIN)) {
            hub = Files.createDirectory(tmp.resolve("hub"));
            Files.copy(fixtureDir.resolve("open_clip_config.json"), hub.resolve("open_clip_config.json"));
            Files.copy(fixtureDir.resolve(BIN), hub.resolve(BIN));
        }
        Path out = tmp.resolve("out");
        int code = new CommandLine(new EvalCommand()).execute("embed", "--model", hub.toString(),
                "--images", fixtureDir.resolve("images").toString(),
                "--texts", fixtureDir.resolve("captions.txt").toString(),
                "--out", out.toString(), "--vocab", CliFixtures.vocab(), "--batch-size", "4");
        assertEquals(0, code);

        List<String> order = Files.readAllLines(out.resolve(EmbedCommand.IMAGE_FILES), StandardCharsets.UTF_8);
        List<String> expectedOrder = CliFixtures.expectedImageOrder(fixture);
        assertEquals(expectedOrder.stream().sorted().toList(), order, "image files in name order, non-images skipped");

        float[][] texts = Npy.readFloat32(out.resolve(EmbedCommand.TEXT_EMBEDDINGS));
        float[][] expectedTexts = SharedFixtures.expectedRows(fixture, "text_embeds");
        assertEquals(expectedTexts.length, texts.length, "one row per caption line, the empty one included");
        double textError = 0;
        for (int r = 0; r < texts.length; r++) {
            assertEquals(expectedTexts[r].length, texts[r].length);
            for (int i = 0; i < texts[r].length; i++) {
                textError = Math.max(textError, Math.abs(texts[r][i] - expectedTexts[r][i]));
            }
        }

        float[][] images = Npy.readFloat32(out.resolve(EmbedCommand.IMAGE_EMBEDDINGS));
        float[][] expectedImages = SharedFixtures.expectedRows(fixture, "image_embeds");
        assertEquals(expectedImages.length, images.length);
        double minCosine = 1;
        for (int e = 0; e < expectedOrder.size(); e++) {
            int row = order.indexOf(expectedOrder.get(e));
            minCosine = Math.min(minCosine, SharedFixtures.cosine(images[row], expectedImages[e]));
        }
        System.out.printf("embed %s (%s): text_embeds max abs error %.3g, image_embeds 1 - min cosine %.3g%n",
                fixture, weights, textError, 1 - minCosine);
        assertTrue(textError <= 1e-4, "text error " + textError);
        assertTrue(minCosine >= 0.9999, "image cosine " + minCosine);
    }

    @Test
    void normalizeGivesUnitRowsAndEitherInputMayBeLeftOut(@TempDir Path tmp) throws Exception {
        Path fixtureDir = CliFixtures.dir(CliFixtures.GELU);
        Path texts = tmp.resolve("texts");
        CliFixtures.Run run = CliFixtures.run("embed", "--model", fixtureDir.toString(), "--texts",
                fixtureDir.resolve("captions.txt").toString(), "--out", texts.toString(), "--vocab", CliFixtures.vocab(),
                "--normalize", "--batch-size", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("8 text embeddings [8, 64]"), run.out());
        assertTrue(Files.exists(texts.resolve(EmbedCommand.TEXT_EMBEDDINGS)));
        assertFalse(Files.exists(texts.resolve(EmbedCommand.IMAGE_EMBEDDINGS)));
        assertFalse(Files.exists(texts.resolve(EmbedCommand.IMAGE_FILES)));
        for (float[] row : Npy.readFloat32(texts.resolve(EmbedCommand.TEXT_EMBEDDINGS))) {
            double norm = 0;
            for (float v : row) {
                norm += v * v;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-5);
        }

        Path images = tmp.resolve("images");
        run = CliFixtures.run("embed", "--model", fixtureDir.toString(), "--images",
                fixtureDir.resolve("images").toString(), "--out", images.toString(), "--vocab", CliFixtures.vocab(),
                "--no-progress");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(6, Npy.readFloat32(images.resolve(EmbedCommand.IMAGE_EMBEDDINGS)).length);
        assertFalse(Files.exists(images.resolve(EmbedCommand.TEXT_EMBEDDINGS)));
    }

    @Test
    void captionLinesCountEmptyLinesButNotAFinalLineBreak(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("captions.txt");
        Files.writeString(file, "\uFEFFfirst\r\n\nthird\rfourth\n", StandardCharsets.UTF_8);
        assertEquals(List.of("first", "", "third", "fourth"), TextLines.read(file));
        Files.writeString(file, "", StandardCharsets.UTF_8);
        assertEquals(List.of(), TextLines.read(file));
        Files.writeString(file, "\n", StandardCharsets.UTF_8);
        assertEquals(List.of(""), TextLines.read(file));
    }

    @Test
    void imageFilesAreTheImagesOfTheFolderInNameOrder(@TempDir Path tmp) throws Exception {
        for (String name : List.of("b.PNG", "a.jpeg", "c.txt", "d.webp", "notes", "e.jpg.raw", ".gif")) {
            Files.writeString(tmp.resolve(name), "x");
        }
        Files.createDirectory(tmp.resolve("sub.png"));
        assertEquals(List.of("a.jpeg", "b.PNG", "d.webp"),
                ImageFiles.list(tmp).stream().map(p -> p.getFileName().toString()).toList());
    }
}
