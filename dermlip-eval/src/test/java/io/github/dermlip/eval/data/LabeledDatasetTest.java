package io.github.dermlip.eval.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabeledDatasetTest {
    @Test
    void labelsOutOfRangeAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LabeledDataset("d",
                List.of("a"), List.of(new LabeledImage(Path.of("x.jpg"), 1, null, null))));
        assertTrue(e.getMessage().contains("label 1 of x.jpg"), e.getMessage());
    }

    @Test
    void groupLevelsSortNumerically() {
        LabeledDataset d = new LabeledDataset("d", List.of("a"), List.of(
                new LabeledImage(Path.of("1.jpg"), 0, null, Map.of("fitzpatrick_scale", "10")),
                new LabeledImage(Path.of("2.jpg"), 0, null, Map.of("fitzpatrick_scale", "2")),
                new LabeledImage(Path.of("3.jpg"), 0, null, Map.of()),
                new LabeledImage(Path.of("4.jpg"), 0, null, Map.of("fitzpatrick_scale", "-1"))));
        assertEquals(List.of("-1", "2", "10"), d.groupLevels("fitzpatrick_scale"));
        assertEquals(null, d.groupValues("fitzpatrick_scale")[2]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.groupValues("skin_tone"));
        assertTrue(e.getMessage().contains("group columns: [fitzpatrick_scale]"), e.getMessage());
    }

    @Test
    void filterNamesTheSplitsPresent() {
        LabeledDataset d = new LabeledDataset("d", List.of("a"), List.of(
                new LabeledImage(Path.of("1.jpg"), 0, "train", null),
                new LabeledImage(Path.of("2.jpg"), 0, "val", null)));
        assertEquals(1, d.filter("val").size());
        assertEquals("d/val", d.filter("val").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.filter("test"));
        assertTrue(e.getMessage().contains("splits present: [train, val]"), e.getMessage());
    }
}
