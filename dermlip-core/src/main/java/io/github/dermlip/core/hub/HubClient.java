package io.github.dermlip.core.hub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The hub's resolve API over {@link HttpClient}: file metadata by {@code HEAD}, content by {@code GET} with
 * {@code Range} resumption.
 *
 * <p>Redirects are followed here, not by the client, at most {@value #MAX_REDIRECTS} in a row, so that the token
 * goes only to the endpoint's own origin (scheme, host and port): an LFS file served by a CDN never sees it.
 * A 5xx status, a time-out, a refused connection or a connection dropped mid-body is retried with doubling
 * back-off, {@link HubSettings#attempts()} tries in all; a body that stalls longer than the read time-out counts
 * as dropped.
 */
final class HubClient {
    static final int MAX_REDIRECTS = 10;
    private static final int BUFFER_BYTES = 1 << 16;
    /** A git blob id (40 hex digits) or an LFS sha256 (64): the only names a blob may get in the cache. */
    private static final Pattern BLOB_NAME = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dermlip-hub-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HubSettings settings;
    private final HttpClient http;

    HubClient(HubSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout()).build();
    }

    /** The resolve URL of a file: {@code ENDPOINT/ORG/NAME/resolve/REVISION/FILE}. */
    URI resolveUrl(String repoId, String revision, String file) {
        return URI.create(settings.endpoint() + "/" + repoId + "/resolve/"
                + URLEncoder.encode(revision, StandardCharsets.UTF_8) + "/" + encodePath(file));
    }

    /**
     * What the hub says about {@code file} at {@code revision}: its metadata, or {@link RemoteFile#absent} (with
     * the commit when the hub names it, else null) when the revision has no such file.
     *
     * @throws HubException when the repository or revision is unknown or gated, access is denied, or the hub
     *     does not answer after all tries
     */
    RemoteFile metadata(String repoId, String revision, String file) throws HubException {
        URI url = resolveUrl(repoId, revision, file);
        String what = "hf-hub:" + repoId + "@" + revision + " file " + file;
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            HttpResponse<Void> response = send(request(url, "HEAD", null), HttpResponse.BodyHandlers.discarding(), what);
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            Optional<String> commit = headers.firstValue("X-Repo-Commit");
            if (status == 404 && "EntryNotFound".equals(headers.firstValue("X-Error-Code").orElse(""))) {
                return RemoteFile.absent(repoId, file, commit.orElse(null));
            }
            if (isRedirect(status) && commit.isEmpty()) {
                url = redirectTarget(url, headers, what);
                continue;
            }
            if (status >= 400) {
                throw failure(repoId, revision, file, url, status, headers);
            }
            String etag = headers.firstValue("X-Linked-Etag").or(() -> headers.firstValue("ETag"))
                    .map(HubClient::unquote).orElseThrow(() -> new HubException(what + ": the hub sent no ETag"));
            if (!BLOB_NAME.matcher(etag).matches()) {
                throw new HubException(what + ": the hub sent the ETag '" + etag + "', which is neither a git blob id nor"
                        + " an LFS sha256; refusing to use it as a cache file name");
            }
            long size = headers.firstValue("X-Linked-Size").or(() -> headers.firstValue("Content-Length"))
                    .map(Long::parseLong).orElse(-1L);
            URI location = isRedirect(status) ? redirectTarget(url, headers, what) : url;
            return new RemoteFile(repoId, file, commit.orElseThrow(() -> new HubException(
                    what + ": the hub sent no X-Repo-Commit header")), etag, size, location);
        }
        throw new HubException(what + ": more than " + MAX_REDIRECTS + " redirects from " + resolveUrl(repoId, revision,
                file));
    }

    /**
     * Downloads {@code remote}'s content into {@code partial}, continuing from the bytes already there with a
     * {@code Range} request (starting over when the server ignores the range).
     *
     * @param progress told the total number of bytes in {@code partial} as they arrive
     */
    void download(RemoteFile remote, Path partial, LongConsumer progress) throws HubException {
        String what = "hf-hub:" + remote.repoId() + " file " + remote.name();
        HubException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                downloadOnce(remote, partial, progress, what);
                return;
            } catch (RetryableException e) {
                last = new HubException(e.getMessage(), e.getCause());
            }
            if (attempt < settings.attempts()) {
                backoff(attempt);
            }
        }
        throw new HubException(last.getMessage() + " (gave up after " + settings.attempts() + " tries)",
                last.getCause());
    }

    /** One GET, following redirects, that reads the body to its end or throws. */
    private void downloadOnce(RemoteFile remote, Path partial, LongConsumer progress, String what)
            throws HubException, RetryableException {
        URI url = remote.location();
        long have = Files.exists(partial) ? size(partial) : 0;
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            HttpResponse<InputStream> response = sendOnce(request(url, "GET", have > 0 ? "bytes=" + have + "-" : null),
                    HttpResponse.BodyHandlers.ofInputStream(), what);
            int status = response.statusCode();
            if (isRedirect(status)) {
                closeQuietly(response.body());
                url = redirectTarget(url, response.headers(), what);
                continue;
            }
            if (status == 416) {
                closeQuietly(response.body());
                if (have == remote.size()) {
                    return;
                }
                deletePartial(partial);
                throw new RetryableException(what + ": the server refused to resume at byte " + have
                        + "; starting over", null);
            }
            if (status >= 500) {
                closeQuietly(response.body());
                throw new RetryableException(what + ": HTTP " + status + " from " + url, null);
            }
            if (status != 200 && status != 206) {
                closeQuietly(response.body());
                throw failure(remote.repoId(), remote.commit(), remote.name(), url, status, response.headers());
            }
            boolean append = status == 206;
            copyBody(response.body(), partial, append, append ? have : 0, progress, what + " from " + url);
            return;
        }
        throw new HubException(what + ": more than " + MAX_REDIRECTS + " redirects from " + remote.location());
    }

    private void copyBody(InputStream body, Path partial, boolean append, long start, LongConsumer progress,
            String what) throws RetryableException, HubException {
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        long stallNanos = settings.readTimeout().toNanos();
        ScheduledFuture<?> watchdog = WATCHDOG.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastRead.get() > stallNanos) {
                closeQuietly(body);
            }
        }, stallNanos / 4, stallNanos / 4, TimeUnit.NANOSECONDS);
        long written = start;
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                written += n;
                lastRead.set(System.nanoTime());
                progress.accept(written);
            }
        } catch (IOException e) {
            boolean stalled = System.nanoTime() - lastRead.get() > stallNanos;
            String why = stalled ? "timed out: no data for " + settings.readTimeout().toMillis() + " ms"
                    : "connection dropped (" + e.getMessage() + ")";
            throw new RetryableException(what + ": " + why + " after " + written + " bytes", e);
        } finally {
            watchdog.cancel(false);
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what)
            throws HubException {
        RetryableException last = null;
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                HttpResponse<T> response = sendOnce(request, handler, what);
                if (response.statusCode() < 500) {
                    return response;
                }
                last = new RetryableException(what + ": HTTP " + response.statusCode() + " from " + request.uri(), null);
            } catch (RetryableException e) {
                last = e;
            }
            if (attempt < settings.attempts()) {
                backoff(attempt);
            }
        }
        throw new HubException(last.getMessage() + " (gave up after " + settings.attempts() + " tries)",
                last.getCause());
    }

    private <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> handler, String what)
            throws HubException, RetryableException {
        try {
            return http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw new RetryableException(what + ": timed out after " + settings.readTimeout().toMillis() + " ms waiting"
                    + " for " + request.uri().getHost() + ":" + request.uri().getPort() + " (" + e.getMessage() + ")", e);
        } catch (ConnectException e) {
            throw new RetryableException(what + ": cannot connect to " + request.uri() + " (" + e + ")", e);
        } catch (IOException e) {
            throw new RetryableException(what + ": " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException(what + ": interrupted", e);
        }
    }

    private HttpRequest request(URI url, String method, String range) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(settings.readTimeout())
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "dermlip-java/0.1; hf_hub-compatible")
                .header("Accept-Encoding", "identity");
        if (settings.token() != null && sameOrigin(url, settings.endpoint())) {
            builder.header("Authorization", "Bearer " + settings.token());
        }
        if (range != null) {
            builder.header("Range", range);
        }
        return builder.build();
    }

    private HubException failure(String repoId, String revision, String file, URI url, int status,
            HttpHeaders headers) {
        String repo = "hf-hub:" + repoId;
        String code = headers.firstValue("X-Error-Code").orElse("");
        if (status == 401 || status == 403) {
            String tokenState = settings.token() == null ? "no token was sent" : "the token sent was refused";
            return new HubException(repo + ": access denied (HTTP " + status + (code.isEmpty() ? "" : ", " + code)
                    + ") for " + file + "; " + tokenState + ". If the repository is private or gated, accept its terms"
                    + " on the hub and set HF_TOKEN (or log in with `huggingface-cli login`, which writes the token"
                    + " file $HF_HOME/token).");
        }
        if (status == 404) {
            String which = "RevisionNotFound".equals(code) ? "revision '" + revision + "' of " + repo : repo;
            return new HubException(which + " not found or gated (HTTP 404 from " + url + "); check the name, or set"
                    + " HF_TOKEN if it is private");
        }
        return new HubException(repo + ": HTTP " + status + " for " + file + " from " + url);
    }

    private void backoff(int attempt) throws HubException {
        try {
            Thread.sleep(settings.firstBackoff().toMillis() << Math.min(attempt - 1, 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubException("interrupted while waiting to retry", e);
        }
    }

    private static URI redirectTarget(URI from, HttpHeaders headers, String what) throws HubException {
        String location = headers.firstValue("Location")
                .orElseThrow(() -> new HubException(what + ": redirect from " + from + " without a Location"));
        return from.resolve(location);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equals(u.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String unquote(String etag) {
        String e = etag.startsWith("W/") ? etag.substring(2) : etag;
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    private static String encodePath(String file) {
        StringBuilder out = new StringBuilder();
        for (String part : file.split("/")) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }

    private static long size(Path file) throws HubException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new HubException(file + ": cannot read the partial download's size", e);
        }
    }

    private static void deletePartial(Path file) throws HubException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new HubException(file + ": cannot remove the partial download", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            Objects.requireNonNull(in).close();
        } catch (IOException | RuntimeException ignored) {
            // Closing only releases the connection; the caller already has what it needs from the response.
        }
    }

    /** A failure worth another try: 5xx, time-out, refused or dropped connection. */
    private static final class RetryableException extends Exception {
        private static final long serialVersionUID = 1L;

        RetryableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
