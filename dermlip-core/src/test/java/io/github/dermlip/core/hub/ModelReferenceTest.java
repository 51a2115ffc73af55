package io.github.dermlip.core.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one parser of model references, and what resolving a folder gives. */
class ModelReferenceTest {

    @Test
    void hubReferencesInOpenClipAndDjlSpelling() {
        ModelReference plain = ModelReference.parse("hf-hub:org/name");
        assertTrue(plain.isHub());
        assertEquals("org/name", plain.repoId());
        assertEquals("main", plain.revision());
        ModelReference pinned = ModelReference.parse("hf-hub:org/name@v1.0");
        assertEquals("v1.0", pinned.revision());
        assertEquals(pinned, ModelReference.parse("hf-hub://org/name@v1.0"));
        assertThrows(IllegalArgumentException.class, () -> ModelReference.parse("hf-hub:no-slash"));
        assertThrows(IllegalArgumentException.class, () -> ModelReference.parse("hf-hub:org/name@"));
        assertThrows(IllegalArgumentException.class, () -> ModelReference.parse("hf-hub:../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> ModelReference.parse(" "));
    }

    @Test
    void registryNamesResolveThroughTheRegistryUnlessAFolderHasThatName(@TempDir Path dir) throws Exception {
        ModelReference named = ModelReference.parse("DermLIP_PanDerm-base-w-PubMed-256");
        assertEquals("redlessone/DermLIP_PanDerm-base-w-PubMed-256", named.repoId());
        assertEquals("hf:neuml/pubmedbert-base-embeddings", named.registered().orElseThrow().tokenizer());

        Files.createDirectories(dir.resolve("DermLIP_ViT-B-16"));
        ModelReference folder = ModelReference.parse("DermLIP_ViT-B-16", dir);
        assertFalse(folder.isHub());
        assertEquals(dir.resolve("DermLIP_ViT-B-16"), folder.location(null));
    }

    @Test
    void aFolderResolvesToItsOwnFilesWithoutTheHub(@TempDir Path cache) throws Exception {
        Path fixture = SharedFixtures.openClipModel("tiny-gelu");
        HubSettings unreachable = new HubSettings(java.net.URI.create("http://127.0.0.1:9"), null, false,
                new HubCache(cache), Duration.ofMillis(100), Duration.ofMillis(100), 1, Duration.ZERO);
        ModelFiles files = ModelReference.parse(fixture.toString()).resolve(unreachable);
        assertEquals(ModelLayout.OPEN_CLIP, files.layout());
        assertEquals(fixture.resolve("open_clip_model.safetensors"), files.weights());
        assertEquals(fixture.resolve("open_clip_config.json"), files.config());

        FileNotFoundException missing = assertThrows(FileNotFoundException.class,
                () -> ModelReference.parse(cache.resolve("nowhere").toString()).resolve(unreachable));
        assertTrue(missing.getMessage().contains("open_clip_config.json") && missing.getMessage().contains("config.json"),
                missing.getMessage());
    }

    @Test
    void aConfigNamingHubTextTowersLinksThoseRepositories(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("open_clip_config.json"), """
                {"model_cfg": {"text_cfg": {"hf_model_name": "neuml/pubmedbert-base-embeddings",
                 "hf_tokenizer_name": "neuml/pubmedbert-base-embeddings"}}}""");
        assertEquals(java.util.Set.of("neuml/pubmedbert-base-embeddings"), HubModelFetcher.linkedRepos(config));
        Files.writeString(config, "{\"model_cfg\": {\"text_cfg\": {\"context_length\": 77}}}");
        assertEquals(java.util.Set.of(), HubModelFetcher.linkedRepos(config));
    }
}
