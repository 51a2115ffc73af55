package io.github.dermlip.core.hub;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Fetches one model in its own JVM, for {@link ConcurrentHubDownloadTest}: args ENDPOINT CACHE_ROOT REPO. */
public final class HubFetchMain {
    private HubFetchMain() {}

    /** Prints the snapshot folder of the fetched model. */
    public static void main(String[] args) throws Exception {
        HubSettings settings = new HubSettings(URI.create(args[0]), null, false, new HubCache(Path.of(args[1])),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 3, Duration.ofMillis(50));
        System.out.println(new HubModelFetcher(new HubDownloader(settings)).fetch(args[2], "main", null).folder());
    }
}
