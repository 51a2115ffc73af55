package io.github.dermlip.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.eval.probe.Npy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code embed --model} on a Hugging Face CLIPModel folder gives transformers 4.33.3's embeddings (no --vocab). */
class HfClipEmbedCommandTest {

    @Test
    void embeddingsMatchTransformers(@TempDir Path tmp) throws Exception {
        Path folder = SharedFixtures.fixture("hf-clip/tiny-hf-clip-quickgelu");
        Path out = tmp.resolve("out");
        int code = new CommandLine(new EvalCommand()).execute("embed", "--model", folder.toString(),
                "--images", folder.resolve("images").toString(), "--texts", folder.resolve("captions.txt").toString(),
                "--out", out.toString(), "--batch-size", "4");
        assertEquals(0, code);
        // Rows follow file-name order, which is also the order of the fixture's expected rows.

        double imageError = maxAbsDiff(Npy.readFloat32(out.resolve(EmbedCommand.IMAGE_EMBEDDINGS)),
                SharedFixtures.expectedRows(folder, "image_embeds"));
        double textError = maxAbsDiff(Npy.readFloat32(out.resolve(EmbedCommand.TEXT_EMBEDDINGS)),
                SharedFixtures.expectedRows(folder, "text_embeds"));
        System.out.printf("embed hf-clip/tiny-hf-clip-quickgelu: image_embeds max abs error %.3g, text_embeds %.3g%n",
                imageError, textError);
        assertTrue(imageError <= 1e-4, "image error " + imageError);
        assertTrue(textError <= 1e-4, "text error " + textError);
    }

    private static double maxAbsDiff(float[][] actual, float[][] expected) {
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int r = 0; r < actual.length; r++) {
            for (int i = 0; i < actual[r].length; i++) {
                max = Math.max(max, Math.abs(actual[r][i] - expected[r][i]));
            }
        }
        return max;
    }
}
