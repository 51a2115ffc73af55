package io.github.dermlip.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsCsvTest {
    @TempDir
    Path dir;

    @Test
    void writesOneRowPerImage() throws IOException {
        Path file = dir.resolve("preds/predictions.csv");
        PredictionsCsv.write(file, List.of("img/a.jpg", "img/b, c.jpg"), new int[] {0, 2}, new int[] {1, 2},
                new float[][] {{0.25f, 0.5f, 0.25f}, {0.1f, 0.1f, 0.8f}});
        assertEquals("""
                image_path,true_label,predicted_label,prob_0,prob_1,prob_2
                img/a.jpg,0,1,0.25,0.5,0.25
                "img/b, c.jpg",2,2,0.1,0.1,0.8
                """, Files.readString(file));
    }

    @Test
    void mismatchedLengthsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PredictionsCsv.write(
                dir.resolve("p.csv"), List.of("a"), new int[] {0, 1}, new int[] {0}, new float[][] {{1f}}));
        assertEquals(true, e.getMessage().contains("1 images, 2 true labels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PredictionsCsv.write(dir.resolve("q.csv"),
                List.of("a", "b"), new int[] {0, 1}, new int[] {0, 1}, new float[][] {{1f, 0f}, {1f}}));
    }
}
