package io.github.dermlip.eval.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.hub.FakeHub;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models}: the listing, {@code download} ahead of time, {@code path}, and hub references in {@code --model}. */
class ModelsCommandTest {
    private static final String REPO = "test/tiny";

    @TempDir
    Path cache;

    private FakeHub hub;

    @BeforeEach
    void startHub() throws Exception {
        hub = FakeHub.start().withRepo(REPO, CliFixtures.dir(CliFixtures.GELU), "open_clip_config.json",
                "open_clip_model.safetensors").asDefault(cache);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void listsTheRegistryAndTheArchitectures() {
        CliFixtures.Run run = CliFixtures.run("models");
        assertEquals(0, run.exitCode(), run.err());
        for (String name : new String[] {"DermLIP_ViT-B-16", "hf-hub:redlessone/DermLIP_PanDerm-base-w-PubMed-256@main",
                "BiomedCLIP", "MONET", "ViT-B-16-quickgelu", "derm-tiny", cache.toString()}) {
            assertTrue(run.out().contains(name), name + " in\n" + run.out());
        }
        assertEquals(0, hub.requests().size(), "listing asks the hub nothing");
    }

    @Test
    void downloadFetchesAheadOfTimeAndPathSaysWhereItLives() throws Exception {
        CliFixtures.Run cold = CliFixtures.run("models", "path", "hf-hub:" + REPO);
        assertEquals(1, cold.exitCode());
        assertTrue(cold.err().contains("not in the cache yet") && cold.err().contains(
                cache.resolve("models--test--tiny").toString()), cold.err());

        CliFixtures.Run download = CliFixtures.run("models", "download", "hf-hub:" + REPO);
        assertEquals(0, download.exitCode(), download.err());
        Path snapshot = cache.resolve("models--test--tiny/snapshots").resolve(FakeHub.commit(REPO));
        assertEquals(snapshot.toString(), download.out().strip());
        assertTrue(Files.isRegularFile(snapshot.resolve("open_clip_model.safetensors")));

        int before = hub.requests().size();
        CliFixtures.Run warm = CliFixtures.run("models", "path", "hf-hub:" + REPO);
        assertEquals(0, warm.exitCode(), warm.err());
        assertEquals(snapshot.toString(), warm.out().strip());

        CliFixtures.Run embed = CliFixtures.run("embed", "--model", "hf-hub:" + REPO, "--texts",
                CliFixtures.dir(CliFixtures.GELU).resolve("captions.txt").toString(), "--out",
                cache.resolve("out").toString(), "--no-progress");
        assertEquals(0, embed.exitCode(), embed.err());
        assertTrue(Files.isRegularFile(cache.resolve("out/text_embeddings.npy")));
        assertEquals(before, hub.requests().size(), "path and --model use the warm cache");
    }

    @Test
    void aMalformedHubReferenceIsAUsageError() {
        CliFixtures.Run run = CliFixtures.run("models", "download", "hf-hub:no-slash");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("ORG/NAME"), run.err());
    }
}
