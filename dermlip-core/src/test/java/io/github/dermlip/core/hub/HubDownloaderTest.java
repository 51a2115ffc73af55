package io.github.dermlip.core.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fault of the hub table against {@link FakeHub}, with the outcome the library promises. */
class HubDownloaderTest {
    private static final String REPO = "org/small";
    private static final String WEIGHTS = "model.safetensors";
    private static final String CONFIG = "config.json";
    private static final String TOKEN = "hf_secret_test_token";

    @TempDir
    Path cacheRoot;

    private FakeHub hub;
    private byte[] weights;
    private byte[] config;

    @BeforeEach
    void startHub() throws Exception {
        weights = new byte[300_000];
        new Random(11).nextBytes(weights);
        config = "{\"architectures\": [\"CLIPModel\"]}".getBytes(StandardCharsets.UTF_8);
        hub = FakeHub.start().withRepo(REPO, Map.of(WEIGHTS, weights, CONFIG, config));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private HubSettings settings() {
        return new HubSettings(hub.endpoint(), TOKEN, false, new HubCache(cacheRoot), Duration.ofSeconds(2),
                Duration.ofSeconds(2), 3, Duration.ofMillis(10));
    }

    private Path download(HubSettings settings, String file) throws HubException {
        return new HubDownloader(settings).file(REPO, "main", file).orElseThrow();
    }

    @Test
    void layoutIsHuggingFaceHubsAndAWarmCacheAsksNothing() throws Exception {
        Path weightsFile = download(settings(), WEIGHTS);
        Path configFile = download(settings(), CONFIG);
        assertEquals(Optional.empty(), new HubDownloader(settings()).file(REPO, "main", "absent.json"));

        String commit = FakeHub.commit(REPO);
        Path repo = cacheRoot.resolve("models--org--small");
        assertEquals(commit, Files.readString(repo.resolve("refs/main")));
        assertEquals(repo.resolve("snapshots").resolve(commit).resolve(WEIGHTS), weightsFile);
        assertEquals(Path.of("../../blobs/" + FakeHub.sha256(weights)), Files.readSymbolicLink(weightsFile));
        assertEquals(Path.of("../../blobs/" + FakeHub.gitBlobId(config)), Files.readSymbolicLink(configFile));
        assertArrayEquals(weights, Files.readAllBytes(weightsFile));
        assertTrue(Files.exists(repo.resolve(".no_exist").resolve(commit).resolve("absent.json")));
        try (Stream<Path> blobs = Files.list(repo.resolve("blobs"))) {
            assertEquals(2, blobs.count(), "two blobs, no .incomplete left");
        }

        int before = hub.requests().size();
        download(settings(), WEIGHTS);
        assertEquals(Optional.empty(), new HubDownloader(settings()).file(REPO, "main", "absent.json"));
        assertEquals(before, hub.requests().size(), "a warm cache makes no request");
    }

    @Test
    void unknownRepositoryIsNotFoundOrGatedNamingIt() {
        HubException e = assertThrows(HubException.class,
                () -> new HubDownloader(settings()).file("org/nothing", "main", CONFIG));
        assertTrue(e.getMessage().contains("hf-hub:org/nothing") && e.getMessage().contains("not found or gated"),
                e.getMessage());
    }

    @Test
    void deniedAccessGivesATokenHint() {
        for (int status : new int[] {401, 403}) {
            hub.requireToken("another-token", status);
            HubException e = assertThrows(HubException.class, () -> download(settings(), CONFIG));
            assertTrue(e.getMessage().contains("HTTP " + status) && e.getMessage().contains("HF_TOKEN"), e.getMessage());
            assertTrue(e.getMessage().contains("the token sent was refused"), e.getMessage());
        }
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        hub.failNext(2, 500);
        assertArrayEquals(weights, Files.readAllBytes(download(settings(), WEIGHTS)));
        assertEquals(2, hub.requests().stream().filter(r -> r.path().contains("/resolve/")).count() - 1,
                "two failed HEADs, then one that worked");
    }

    @Test
    void aDroppedConnectionResumesWithRange() throws Exception {
        hub.dropNextDownloadAfter(100_000);
        Path file = download(settings(), WEIGHTS);
        assertEquals(FakeHub.sha256(weights), Sha256.of(file));
        List<FakeHub.Request> downloads = hub.requests().stream().filter(r -> r.path().startsWith("/cdn/")).toList();
        assertEquals(2, downloads.size(), downloads.toString());
        assertNull(downloads.get(0).range());
        assertTrue(downloads.get(1).range().matches("bytes=\\d+-"), downloads.get(1).range());
        assertTrue(Long.parseLong(downloads.get(1).range().replaceAll("\\D", "")) > 0);
    }

    @Test
    void aWrongSha256IsRefusedAndNothingEntersTheSnapshot() throws Exception {
        hub.corruptContent();
        HubException e = assertThrows(HubException.class, () -> download(settings(), WEIGHTS));
        assertTrue(e.getMessage().contains("refused") && e.getMessage().contains("sha256"), e.getMessage());
        Path repo = cacheRoot.resolve("models--org--small");
        assertFalse(Files.exists(repo.resolve("snapshots").resolve(FakeHub.commit(REPO)).resolve(WEIGHTS)));
        try (Stream<Path> blobs = Files.list(repo.resolve("blobs"))) {
            assertEquals(List.of(), blobs.toList(), "no blob and no partial file is kept");
        }
    }

    @Test
    void anEtagThatIsNoHashIsRefusedBeforeItBecomesAFileName() {
        hub.forgeEtag("../../../outside");
        HubException e = assertThrows(HubException.class, () -> download(settings(), CONFIG));
        assertTrue(e.getMessage().contains("neither a git blob id nor an LFS sha256"), e.getMessage());
        assertFalse(Files.exists(cacheRoot.resolve("outside")));
    }

    @Test
    void theTokenIsNotForwardedToAnotherHost() throws Exception {
        try (FakeHub cdn = FakeHub.start()) {
            hub.redirectLfsTo(cdn);
            assertArrayEquals(weights, Files.readAllBytes(download(settings(), WEIGHTS)));
            assertTrue(hub.requests().stream().allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization())),
                    "the hub itself gets the token");
            assertFalse(cdn.requests().isEmpty());
            assertTrue(cdn.requests().stream().allMatch(r -> r.authorization() == null), cdn.requests().toString());
        }
    }

    @Test
    void aSlowServerTimesOutWithAClearError() {
        hub.delayAnswers(1_500);
        HubSettings impatient = settings().withPatience(Duration.ofSeconds(1), Duration.ofMillis(300), 2,
                Duration.ofMillis(10));
        long start = System.nanoTime();
        HubException e = assertThrows(HubException.class, () -> download(impatient, CONFIG));
        assertTrue(e.getMessage().contains("timed out after 300 ms") && e.getMessage().contains("gave up after 2"),
                e.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "gives up in time");
    }

    @Test
    void aBodyThatStallsTimesOutWithAClearError() {
        hub.slowBodies(1_000);
        HubSettings impatient = settings().withPatience(Duration.ofSeconds(1), Duration.ofMillis(300), 2,
                Duration.ofMillis(10));
        HubException e = assertThrows(HubException.class, () -> download(impatient, WEIGHTS));
        assertTrue(e.getMessage().contains("timed out: no data for 300 ms"), e.getMessage());
    }

    @Test
    void offlineUsesTheWarmCacheAndNamesWhatAColdOneLacks() throws Exception {
        HubSettings offline = settings().withOffline(true);
        HubException cold = assertThrows(HubException.class, () -> download(offline, WEIGHTS));
        assertTrue(cold.getMessage().contains("hf-hub:" + REPO) && cold.getMessage().contains(WEIGHTS)
                && cold.getMessage().contains(cacheRoot.resolve("models--org--small").toString()), cold.getMessage());
        assertEquals(List.of(), hub.requests(), "offline asks nothing");

        Path online = download(settings(), WEIGHTS);
        int before = hub.requests().size();
        assertEquals(online, download(offline, WEIGHTS));
        assertEquals(before, hub.requests().size());
    }
}
