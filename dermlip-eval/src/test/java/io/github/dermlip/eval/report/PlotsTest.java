package io.github.dermlip.eval.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    /** Decodes the PNG and checks its size, and that it is a drawing rather than a blank canvas. */
    private static BufferedImage readPng(Path png, int width, int height) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8), png + " is not a PNG");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " does not decode");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
        assertTrue(bytes.length > 5_000, png + " is suspiciously small: " + bytes.length + " bytes");
        assertTrue(distinctColors(image) > 20, png + " looks blank");
        return image;
    }

    private static int distinctColors(BufferedImage image) {
        return (int) Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .distinct().count();
    }

    private static boolean hasColorNear(BufferedImage image, int r, int g, int b) {
        for (int rgb : image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth())) {
            if (Math.abs(((rgb >> 16) & 0xff) - r) < 6 && Math.abs(((rgb >> 8) & 0xff) - g) < 6
                    && Math.abs((rgb & 0xff) - b) < 6) {
                return true;
            }
        }
        return false;
    }

    @Test
    void confusionMatrixShadesTheLargestCellDarkest() throws IOException {
        Path png = dir.resolve("cm.png");
        ConfusionMatrixPlot.write(png, "HAM10000 zero-shot", List.of("actinic keratosis", "basal cell carcinoma",
                "melanoma", "nevus"), new long[][] {{30, 5, 3, 2}, {4, 40, 1, 5}, {2, 3, 50, 15}, {1, 2, 20, 600}},
                false);
        BufferedImage image = readPng(png, 4 * 48 + 420 + 140, 4 * 48 + 420);
        assertTrue(hasColorNear(image, 8, 81, 156), "the maximum cell takes the darkest colour");
        Path normalized = dir.resolve("cm-norm.png");
        ConfusionMatrixPlot.write(normalized, "normalised", List.of("a", "b"), new long[][] {{1, 3}, {0, 0}}, true);
        readPng(normalized, 2 * 48 + 420 + 140, 2 * 48 + 420);
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrixPlot.write(dir.resolve("bad.png"), "x",
                List.of("a", "b"), new long[][] {{1, 2, 3}, {1, 2, 3}}, false));
    }

    @Test
    void fewShotCurveWithBands() throws IOException {
        Path png = dir.resolve("fewshot.png");
        double[] shots = {1, 2, 4, 8, 16};
        FewShotPlot.write(png, "Few-shot linear probe, PAD-UFES-20", "shots per class", "balanced accuracy (%)", shots,
                List.of(new BandSeries("DermLIP", new double[] {40, 48, 55, 61, 66}, new double[] {35, 44, 52, 59, 64},
                        new double[] {45, 52, 58, 63, 68}),
                        BandSeries.line("CLIP", new double[] {30, 35, 41, 47, 52})), true);
        BufferedImage image = readPng(png, 800, 520);
        assertTrue(hasColorNear(image, 0, 114, 178), "first series drawn in the first palette colour");
        assertThrows(IllegalArgumentException.class, () -> FewShotPlot.write(dir.resolve("bad.png"), "t", "x", "y",
                shots, List.of(BandSeries.line("short", new double[] {1, 2})), false));
        assertThrows(IllegalArgumentException.class, () -> new BandSeries("half", new double[] {1}, new double[] {1},
                null));
    }

    @Test
    void reliabilityDiagram() throws IOException {
        Path png = dir.resolve("reliability.png");
        ReliabilityPlot.write(png, "Reliability (ECE 4.2%)",
                new double[] {0, 0, 0.2, 0.35, 0.4, 0.52, 0.61, 0.7, 0.83, 0.95},
                new double[] {0, 0, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.96},
                new long[] {0, 0, 10, 30, 50, 80, 120, 200, 300, 900});
        readPng(png, 600, 600);
        assertThrows(IllegalArgumentException.class, () -> ReliabilityPlot.write(dir.resolve("bad.png"), "t",
                new double[] {1}, new double[] {1, 2}, new long[] {1}));
    }

    @Test
    void groupBarsWithAsymmetricIntervals() throws IOException {
        Path png = dir.resolve("groups.png");
        GroupBarPlot.write(png, "Accuracy by Fitzpatrick type", "Fitzpatrick skin type", "accuracy (%)",
                List.of("I", "II", "III", "IV", "V", "VI"), new double[] {71, 69, 66, 60, 55, 48},
                new double[] {68, 66, 62, 55, 48, 36}, new double[] {73, 71, 69, 64, 61, 57});
        readPng(png, 740, 480);
        Path noCi = dir.resolve("groups-no-ci.png");
        GroupBarPlot.write(noCi, "no intervals", "skin tone", "AUROC", List.of("12", "34", "56"),
                new double[] {0.8, 0.75, 0.7}, null, null);
        readPng(noCi, 600, 480);
    }

    @Test
    void linePlotForTrainingCurves() throws IOException {
        double[] steps = new double[200];
        double[] loss = new double[200];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i * 10;
            loss[i] = 5 * Math.exp(-i / 60.0) + 0.3;
        }
        Path png = dir.resolve("loss.png");
        new LinePlot("Training loss", "step", "loss").logY(true).add("train", steps, loss)
                .add("val", new double[] {0, 1000, 1990}, new double[] {5.1, 1.2, 0.5}).write(png);
        readPng(png, 800, 500);
        assertThrows(IllegalArgumentException.class, () -> new LinePlot("t", "x", "y")
                .add("bad", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalStateException.class, () -> new LinePlot("t", "x", "y").write(dir.resolve("empty.png")));
    }
}
