package io.github.dermlip.core.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a model takes from the hub: one weights file, its tokenizer files, and its text tower's repository. */
class HubModelFetcherTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static HubModelFetcher fetcher(FakeHub hub, Path cache) {
        return new HubModelFetcher(new HubDownloader(new HubSettings(hub.endpoint(), null, false, new HubCache(cache),
                Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofMillis(10))));
    }

    @Test
    void anOpenClipModelWithAHubTextTowerFetchesThatRepositorysConfigAndTokenizer(@TempDir Path cache)
            throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.withRepo("test/bert-clip", Map.of(
                    "open_clip_config.json", bytes("{\"model_cfg\": {\"text_cfg\": {\"hf_model_name\": \"org/bert\","
                            + " \"hf_tokenizer_name\": \"org/bert\"}}}"),
                    "open_clip_pytorch_model.bin", bytes("weights"),
                    "tokenizer.json", bytes("{}")));
            hub.withRepo("org/bert", Map.of("config.json", bytes("{}"), "vocab.txt", bytes("[PAD]"),
                    "tokenizer.json", bytes("{}"), "model.safetensors", bytes("bert weights")));
            ModelFiles files = fetcher(hub, cache).fetch("test/bert-clip", "main", null);

            assertEquals(ModelLayout.OPEN_CLIP, files.layout());
            assertEquals("open_clip_pytorch_model.bin", files.weights().getFileName().toString(),
                    "the .bin when there is no safetensors");
            assertEquals(List.of(files.folder().resolve("tokenizer.json")), files.extras());
            HubCache hubCache = new HubCache(cache);
            for (String name : List.of("config.json", "vocab.txt", "tokenizer.json")) {
                assertTrue(hubCache.anySnapshotFile("org/bert", name).isPresent(), name);
            }
            assertFalse(hubCache.anySnapshotFile("org/bert", "model.safetensors").isPresent(), "never the tower's weights");
            assertTrue(hub.requests().stream().noneMatch(r -> r.path().endsWith("/model.safetensors")));
        }
    }

    @Test
    void aHuggingFaceClipRepositoryIsFoundByItsConfig(@TempDir Path cache) throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.withRepo("test/hf-clip", Map.of("config.json", bytes("{}"), "model.safetensors", bytes("w"),
                    "pytorch_model.bin", bytes("w2"), "preprocessor_config.json", bytes("{}"), "vocab.json",
                    bytes("{}"), "merges.txt", bytes("#")));
            ModelFiles files = fetcher(hub, cache.resolve("detected")).fetch("test/hf-clip", "main", null);
            assertEquals(ModelLayout.HF_CLIP, files.layout());
            assertEquals("model.safetensors", files.weights().getFileName().toString());
            assertEquals(List.of("preprocessor_config.json", "vocab.json", "merges.txt"),
                    files.extras().stream().map(p -> p.getFileName().toString()).toList());
            assertTrue(hub.requests().stream().noneMatch(r -> r.path().endsWith("/pytorch_model.bin")));

            // Fetched by a registry entry that names its layout, so open_clip's config was never asked for.
            Path named = cache.resolve("named");
            ModelFiles fetched = fetcher(hub, named).fetch("test/hf-clip", "main", ModelLayout.HF_CLIP);
            HubSettings offline = new HubSettings(hub.endpoint(), null, true, new HubCache(named), Duration.ofSeconds(2),
                    Duration.ofSeconds(2), 2, Duration.ofMillis(10));
            int before = hub.requests().size();
            ModelFiles again = new HubModelFetcher(new HubDownloader(offline)).fetch("test/hf-clip", "main", null);
            assertEquals(fetched, again, "offline, the cached layout is found without trying open_clip's first");
            assertEquals(before, hub.requests().size());
        }
    }

    @Test
    void aRepositoryWithoutAModelSaysWhatIsMissing(@TempDir Path cache) throws Exception {
        try (FakeHub hub = FakeHub.start()) {
            hub.withRepo("test/empty", Map.of("README.md", bytes("hi")));
            hub.withRepo("test/no-weights", Map.of("open_clip_config.json", bytes("{}")));
            HubException none = assertThrows(HubException.class, () -> fetcher(hub, cache).fetch("test/empty", "main",
                    null));
            assertTrue(none.getMessage().contains("no model config"), none.getMessage());
            HubException noWeights = assertThrows(HubException.class,
                    () -> fetcher(hub, cache).fetch("test/no-weights", "main", ModelLayout.OPEN_CLIP));
            assertTrue(noWeights.getMessage().contains("open_clip_model.safetensors or open_clip_pytorch_model.bin"),
                    noWeights.getMessage());
        }
    }
}
