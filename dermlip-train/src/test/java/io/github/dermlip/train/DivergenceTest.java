package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.image.ImageTransform;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import io.github.dermlip.train.checkpoint.LatestPointer;
import io.github.dermlip.train.data.ManifestOptions;
import io.github.dermlip.train.data.ManifestSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN or infinite value stops the run, names the step and its samples, and keeps the last good checkpoint. */
class DivergenceTest {
    private static final int MAGENTA = 0xFF00FF;
    private static final long SEED = 7;

    @TempDir
    Path dir;

    @Test
    void nanLossStopsBeforeTheUpdateAndKeepsTheLastGoodCheckpoint() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 96, 1);
        ManifestSource source = ManifestSource.read(train, ManifestOptions.openClipDefaults());
        int poisonedRow = source.epochOrder(0, SEED, true)[2 * 16 + 5]; // a sample of step 3
        String poisonedKey = source.entry(poisonedRow).imagePath();
        markPoisoned(dir.resolve("data").resolve(poisonedKey));
        TrainConfig config = TestRuns.config(dir, train, "nan").seed(SEED).saveEveryNSteps(1).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(config, poisoning(TestRuns.wordComponents()), new TrainingListener() {}).run());

        assertEquals(3, e.step());
        assertTrue(e.sampleKeys().contains(poisonedKey), e.sampleKeys().toString());
        assertTrue(e.getMessage().contains("loss is NaN"), e.getMessage());
        CheckpointLayout layout = new CheckpointLayout(config.runDirectory());
        assertEquals(layout.step(2), LatestPointer.read(layout));
        assertFalse(Files.exists(layout.step(3)));
        assertEquals(0, temporaries(layout));
        assertEquals(2, ResultsLog.read(config.runDirectory().resolve(ResultsLog.FILE_NAME)).size());
    }

    @Test
    void weightsMadeInfiniteByTheUpdateAreNeverSaved() throws IOException {
        Path train = ShapesDataset.writeManifest(dir.resolve("data"), "train", 48, 1);
        TrainConfig config = TestRuns.config(dir, train, "inf").lr(Double.POSITIVE_INFINITY).saveEveryNSteps(1).build();

        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run());

        assertEquals(1, e.step());
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
        CheckpointLayout layout = new CheckpointLayout(config.runDirectory());
        assertFalse(Files.exists(layout.latestPointer()));
        assertFalse(Files.exists(layout.step(1)));
    }

    /** Marks an image by making its top-left pixel magenta (the shapes never reach the corner). */
    private static void markPoisoned(Path image) throws IOException {
        BufferedImage decoded = ImageIO.read(image.toFile());
        decoded.setRGB(0, 0, MAGENTA);
        ImageIO.write(decoded, "png", image.toFile());
    }

    /** The same components whose training transform puts a NaN into the pixels of marked images. */
    private static ComponentsFactory poisoning(ComponentsFactory base) {
        return (OpenClipConfig model, TrainConfig config) -> {
            TrainingComponents parts = base.create(model, config);
            ImageTransform clean = parts.trainTransform();
            ImageTransform poisoned = new ImageTransform() {
                @Override
                public float[] apply(BufferedImage rgb, RandomGenerator rng) {
                    float[] pixels = clean.apply(rgb, rng);
                    if ((rgb.getRGB(0, 0) & 0xFFFFFF) == MAGENTA) {
                        pixels[0] = Float.NaN;
                    }
                    return pixels;
                }

                @Override
                public int outputSize() {
                    return clean.outputSize();
                }
            };
            return new TrainingComponents(parts.tokenizer(), poisoned, parts.evalTransform(), parts.decoder());
        };
    }

    private static long temporaries(CheckpointLayout layout) throws IOException {
        try (Stream<Path> files = Files.list(layout.directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(CheckpointLayout.TEMPORARY_SUFFIX)).count();
        }
    }
}
