package io.github.dermlip.eval.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    @TempDir
    Path dir;

    @Test
    void storesAndLoadsOneFilePerKey() throws IOException {
        FeatureCache cache = new FeatureCache(dir.resolve("features"));
        FeatureKey key = FeatureKey.of("hf-hub:redlessone/DermLIP_ViT-B-16", "ham10000/test", List.of("a.jpg", "b.jpg"));
        float[][] features = {{1, 2}, {3, 4}};
        assertTrue(cache.load(key).isEmpty());
        cache.store(key, features);
        cache.store(key, features);
        assertArrayEquals(features, cache.load(key).orElseThrow());
        String name = cache.pathOf(key).getFileName().toString();
        assertTrue(name.startsWith("hf-hub_redlessone_DermLIP_ViT-B-16__ham10000_test__"), name);
        try (Stream<Path> files = Files.list(dir.resolve("features"))) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void fileListOrderAndContentChangeTheKey() throws IOException {
        FeatureCache cache = new FeatureCache(dir);
        FeatureKey ab = FeatureKey.of("m", "d", List.of("a.jpg", "b.jpg"));
        FeatureKey ba = FeatureKey.of("m", "d", List.of("b.jpg", "a.jpg"));
        assertNotEquals(ab.fileListHash(), ba.fileListHash());
        assertNotEquals(cache.pathOf(ab), cache.pathOf(ba));
        assertNotEquals(cache.pathOf(new FeatureKey("m/1", "d", "h")), cache.pathOf(new FeatureKey("m_1", "d", "h")));
        cache.store(ab, new float[][] {{1}});
        assertTrue(cache.load(ba).isEmpty());
        assertArrayEquals(new float[][] {{1}}, cache.load(ab).orElseThrow());
    }

    @Test
    void hashesTheNewlineJoinedList() {
        // printf 'a.jpg\nb.jpg' | sha256sum
        assertEquals("f7199d4ec1aed67fdc126817faf1f3031cdc05ef32c3e18a6c4d158643156411",
                FeatureKey.hashFileList(List.of("a.jpg", "b.jpg")));
        assertThrows(IllegalArgumentException.class, () -> new FeatureKey(" ", "d", "h"));
    }
}
