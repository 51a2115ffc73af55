package io.github.dermlip.core.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Where the hub is, who we are to it, and how patiently we talk to it.
 *
 * <p>{@link #fromEnvironment()} reads what huggingface_hub reads: {@code HF_ENDPOINT} (default
 * {@value #DEFAULT_ENDPOINT}), {@code HF_TOKEN}, else the token file {@code $HF_HOME/token} or
 * {@code ~/.cache/huggingface/token}, {@code HF_HUB_OFFLINE}, and the cache root of {@link HubCache}. The system
 * properties {@value #ENDPOINT_PROPERTY}, {@value #CACHE_PROPERTY} and {@value #OFFLINE_PROPERTY} take precedence
 * over the variables, so a JVM can be pointed elsewhere without changing its environment.
 *
 * @param endpoint the hub's base URL
 * @param token the access token sent to the endpoint's host, or null for anonymous access
 * @param offline true to use only the cache and never open a connection
 * @param cache the cache files go into
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout time allowed between two reads of a response (and for the response headers)
 * @param attempts tries per request on a 5xx status or a time-out, the first included
 * @param firstBackoff the wait after the first failed try; it doubles with each further one
 */
public record HubSettings(URI endpoint, String token, boolean offline, HubCache cache, Duration connectTimeout,
        Duration readTimeout, int attempts, Duration firstBackoff) {
    /** The public Hugging Face hub. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    /** System property overriding {@code HF_ENDPOINT}. */
    public static final String ENDPOINT_PROPERTY = "dermlip.hub.endpoint";
    /** System property overriding the cache root ({@code HF_HUB_CACHE}). */
    public static final String CACHE_PROPERTY = "dermlip.hub.cache";
    /** System property overriding {@code HF_HUB_OFFLINE}: the library's own offline switch. */
    public static final String OFFLINE_PROPERTY = "dermlip.hub.offline";

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

    /** Checks the fields. */
    public HubSettings {
        if (endpoint == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("hub endpoint '" + endpoint + "' is not an absolute http(s) URL");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    /** The settings of this process's environment and system properties. */
    public static HubSettings fromEnvironment() {
        return fromEnvironment(System::getProperty, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The settings named by {@code properties} and {@code env}, with {@code home} as the user's home. */
    public static HubSettings fromEnvironment(UnaryOperator<String> properties, Map<String, String> env, Path home) {
        String endpoint = firstSet(properties.apply(ENDPOINT_PROPERTY), env.get("HF_ENDPOINT"), DEFAULT_ENDPOINT);
        String cacheRoot = properties.apply(CACHE_PROPERTY);
        HubCache cache = cacheRoot != null && !cacheRoot.isBlank() ? new HubCache(Path.of(cacheRoot))
                : HubCache.fromEnvironment(env, home);
        boolean offline = isTrue(firstSet(properties.apply(OFFLINE_PROPERTY), env.get("HF_HUB_OFFLINE"), "0"));
        String token = Optional.ofNullable(env.get("HF_TOKEN")).filter(t -> !t.isBlank())
                .orElseGet(() -> tokenFile(env, home));
        return new HubSettings(URI.create(stripTrailingSlash(endpoint)), token, offline, cache, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 5, Duration.ofSeconds(1));
    }

    /** A copy that only reads the cache ({@code offline}) or may download. */
    public HubSettings withOffline(boolean newOffline) {
        return new HubSettings(endpoint, token, newOffline, cache, connectTimeout, readTimeout, attempts, firstBackoff);
    }

    /** A copy with other time-outs, retries and back-off (tests use short ones). */
    public HubSettings withPatience(Duration connect, Duration read, int tries, Duration backoff) {
        return new HubSettings(endpoint, token, offline, cache, connect, read, tries, backoff);
    }

    private static String tokenFile(Map<String, String> env, Path home) {
        String hfHome = env.get("HF_HOME");
        Path file = hfHome != null && !hfHome.isBlank() ? Path.of(hfHome, "token")
                : home.resolve(".cache/huggingface/token");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the Hugging Face token file", e);
        }
    }

    private static String firstSet(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }

    private static boolean isTrue(String value) {
        return TRUE.contains(value.trim().toLowerCase(Locale.ROOT));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
