package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestMixTest {
    @Test
    void rowsAreConcatenatedWithPathsResolvedAgainstTheirOwnRoot() {
        Path a = Path.of("/data/a").toAbsolutePath();
        Path b = Path.of("/data/b").toAbsolutePath();
        ManifestSource first = new ManifestSource("a.csv", a, List.of(new ManifestEntry("x.png", "one")));
        ManifestSource second = new ManifestSource("b.json", b,
                List.of(new ManifestEntry("y.png", "two"), new ManifestEntry("", "no image")));

        ManifestSource mix = ManifestMix.of(List.of(first, second));

        assertEquals(3, mix.rows());
        assertEquals(new ManifestEntry(a.resolve("x.png").toString(), "one"), mix.entry(0));
        assertEquals(new ManifestEntry(b.resolve("y.png").toString(), "two"), mix.entry(1));
        assertEquals(new ManifestEntry("", "no image"), mix.entry(2));
        assertEquals("a.csv::b.json", mix.description());
        assertSame(first, ManifestMix.of(List.of(first)));
    }
}
