package io.github.dermlip.core.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs fetching the same model into one cache at the same time. */
class ConcurrentHubDownloadTest {
    private static final String REPO = "test/tiny";

    @Test
    void twoJvmsProduceOneBlobAndBothSucceed(@TempDir Path cacheRoot, @TempDir Path logs) throws Exception {
        Path fixture = SharedFixtures.openClipModel("tiny-gelu");
        try (FakeHub hub = FakeHub.start().withRepo(REPO, fixture, "open_clip_config.json",
                "open_clip_model.safetensors", "open_clip_pytorch_model.bin")) {
            // About two seconds per download, so the two overlap.
            hub.slowBodies(10);
            Path log = logs.resolve("child.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Xmx256m", HubFetchMain.class.getName(),
                    hub.endpoint().toString(), cacheRoot.toString(), REPO)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (hub.requests().stream().noneMatch(r -> r.path().startsWith("/cdn/")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            HubSettings settings = new HubSettings(hub.endpoint(), null, false, new HubCache(cacheRoot),
                    Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(50));
            ModelFiles here = new HubModelFetcher(new HubDownloader(settings)).fetch(REPO, "main", null);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the other JVM finishes");
            String childOutput = Files.readString(log);
            assertEquals(0, child.exitValue(), childOutput);
            assertTrue(childOutput.contains(here.folder().toString()), childOutput);

            Path blobs = cacheRoot.resolve("models--test--tiny/blobs");
            List<String> names;
            try (Stream<Path> files = Files.list(blobs)) {
                names = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            String weightsSha = Sha256.of(fixture.resolve("open_clip_model.safetensors"));
            assertEquals(2, names.size(), "one config blob and one weights blob, nothing partial: " + names);
            assertTrue(names.contains(weightsSha), names.toString());
            assertEquals(weightsSha, Sha256.of(here.weights()));
            long weightDownloads = hub.requests().stream().filter(r -> r.path().equals("/cdn/" + weightsSha)).count();
            assertEquals(1, weightDownloads, "the second JVM waited for the first one's blob instead of fetching it");
        }
    }
}
