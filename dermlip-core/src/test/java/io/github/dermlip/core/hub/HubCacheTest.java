package io.github.dermlip.core.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCacheTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void rootFollowsHuggingFaceHubPrecedence(@TempDir Path home) {
        assertEquals(Path.of("/x/hub-cache"), HubCache.fromEnvironment(
                Map.of("HF_HUB_CACHE", "/x/hub-cache", "HF_HOME", "/y"), home).root());
        assertEquals(Path.of("/y/hub"), HubCache.fromEnvironment(Map.of("HF_HOME", "/y"), home).root());
        assertEquals(home.resolve(".cache/huggingface/hub"), HubCache.fromEnvironment(Map.of(), home).root());
    }

    @Test
    void repoFoldersAreNamedAsHuggingFaceHubNamesThem(@TempDir Path root) {
        HubCache cache = new HubCache(root);
        assertEquals(root.resolve("models--neuml--pubmedbert-base-embeddings"),
                cache.repoDir("neuml/pubmedbert-base-embeddings"));
        assertEquals(root.resolve("models--a--b/snapshots/" + COMMIT), cache.snapshotDir("a/b", COMMIT));
        assertThrows(IllegalArgumentException.class, () -> cache.repoDir("../etc"));
        assertThrows(IllegalArgumentException.class, () -> cache.repoDir("no-slash"));
        assertThrows(IllegalArgumentException.class, () -> cache.snapshotDir("a/b", "main"));
        assertEquals(root.resolve("models--a--b/.no_exist/" + COMMIT + "/tokenizer.json"),
                cache.noExistFile("a/b", COMMIT, "tokenizer.json"));
        assertEquals(root.resolve(".locks/models--a--b/abc.lock"), cache.lockFile("a/b", "abc"));
    }

    @Test
    void findsFilesThroughRefsAndSnapshots(@TempDir Path root) throws Exception {
        HubCache cache = new HubCache(root);
        Path snapshot = Files.createDirectories(cache.snapshotDir("org/model", COMMIT));
        Path blob = Files.createDirectories(cache.repoDir("org/model").resolve("blobs")).resolve("abc");
        Files.writeString(blob, "{}");
        Files.createSymbolicLink(snapshot.resolve("config.json"), Path.of("../../blobs/abc"));
        Files.createSymbolicLink(snapshot.resolve("dangling.json"), Path.of("../../blobs/missing"));

        assertEquals(Optional.empty(), cache.snapshotFile("org/model", "main", "config.json"), "no ref yet");
        assertEquals(snapshot.resolve("config.json"), cache.anySnapshotFile("org/model", "config.json").orElseThrow());

        Files.createDirectories(cache.refFile("org/model", "main").getParent());
        Files.writeString(cache.refFile("org/model", "main"), COMMIT);
        assertEquals(Optional.of(COMMIT), cache.commitOf("org/model", "main"));
        assertTrue(cache.snapshotFile("org/model", "main", "config.json").isPresent());
        assertTrue(cache.snapshotFile("org/model", COMMIT, "config.json").isPresent());
        assertFalse(cache.snapshotFile("org/model", "main", "dangling.json").isPresent());
        assertFalse(cache.anySnapshotFile("other/model", "config.json").isPresent());
    }
}
