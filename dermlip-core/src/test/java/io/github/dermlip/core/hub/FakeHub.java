package io.github.dermlip.core.hub;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.dermlip.core.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A hub of the test's own on 127.0.0.1, speaking the resolve API as huggingface.co does: {@code HEAD}/{@code GET}
 * {@code /ORG/NAME/resolve/REVISION/FILE} with {@code X-Repo-Commit}, {@code ETag} (git blob id) for small files,
 * and for LFS files ({@code .safetensors}, {@code .bin}) a 302 to {@code /cdn/<sha256>} with {@code X-Linked-Etag}
 * and {@code X-Linked-Size}; 404s carry huggingface.co's {@code X-Error-Code}. The CDN honours {@code Range}.
 * Faults are switched on per test; every request is logged.
 */
public final class FakeHub implements AutoCloseable {
    /** One request as the server saw it. */
    public record Request(String method, String path, String authorization, String range) {}

    private final HttpServer server;
    private final Map<String, Map<String, byte[]>> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final List<Request> log = Collections.synchronizedList(new ArrayList<>());
    private volatile FakeHub cdn = this;
    private volatile int failuresLeft;
    private volatile int failureStatus;
    private volatile long dropAfterBytes = -1;
    private volatile boolean corrupt;
    private volatile long delayMillis;
    private volatile String requiredToken;
    private volatile int deniedStatus;
    private volatile long chunkPauseMillis;
    private volatile boolean isDefault;
    private volatile String forgedEtag;

    private FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-hub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** A running hub with no repositories. */
    public static FakeHub start() throws IOException {
        return new FakeHub();
    }

    /** Serves {@code files} of {@code folder} as repository {@code repoId} at the commit {@link #commit(String)}. */
    public FakeHub withRepo(String repoId, Path folder, String... files) throws IOException {
        Map<String, byte[]> content = new LinkedHashMap<>();
        for (String file : files) {
            content.put(file, Files.readAllBytes(folder.resolve(file)));
        }
        return withRepo(repoId, content);
    }

    /** Serves the given file contents as repository {@code repoId}. */
    public FakeHub withRepo(String repoId, Map<String, byte[]> content) {
        repos.put(repoId, new LinkedHashMap<>(content));
        content.forEach((name, bytes) -> {
            if (isLfs(name)) {
                blobs.put(sha256(bytes), bytes);
            }
        });
        return this;
    }

    /**
     * Makes this hub, with a cache at {@code cacheRoot}, the one {@link HubSettings#fromEnvironment()} names in this
     * JVM (through its system properties) until {@link #close()}.
     */
    public FakeHub asDefault(Path cacheRoot) {
        System.setProperty(HubSettings.ENDPOINT_PROPERTY, endpoint().toString());
        System.setProperty(HubSettings.CACHE_PROPERTY, cacheRoot.toString());
        isDefault = true;
        return this;
    }

    /** Serves LFS content from {@code other} (another origin), as huggingface.co serves it from its CDN. */
    public void redirectLfsTo(FakeHub other) {
        other.blobs.putAll(blobs);
        cdn = other;
    }

    /** The next {@code count} requests answer {@code status}. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft = count;
    }

    /** The next CDN download sends its headers, then only {@code bytes} bytes, then drops the connection. */
    public void dropNextDownloadAfter(long bytes) {
        dropAfterBytes = bytes;
    }

    /** LFS content is served with its first byte changed (same size, other sha256). */
    public void corruptContent() {
        corrupt = true;
    }

    /** Small files are announced with this ETag instead of their git blob id. */
    public void forgeEtag(String etag) {
        forgedEtag = etag;
    }

    /** Every answer waits this long before its headers. */
    public void delayAnswers(long millis) {
        delayMillis = millis;
    }

    /** Requests without {@code Authorization: Bearer token} are answered {@code status} (401 or 403). */
    public void requireToken(String token, int status) {
        requiredToken = token;
        deniedStatus = status;
    }

    /** CDN bodies are sent in 64 KiB chunks with this pause between them. */
    public void slowBodies(long pauseMillis) {
        chunkPauseMillis = pauseMillis;
    }

    /** The hub's base URL, as {@code HF_ENDPOINT} names it. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request so far, in arrival order. */
    public List<Request> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The commit every revision of {@code repoId} resolves to. */
    public static String commit(String repoId) {
        return hex("SHA-1", ("commit " + repoId).getBytes(StandardCharsets.UTF_8));
    }

    /** The blob name huggingface_hub gives a small file: its git blob id. */
    public static String gitBlobId(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[header.length + content.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(content, 0, all, header.length, content.length);
        return hex("SHA-1", all);
    }

    /** Hex sha256 of {@code content}. */
    public static String sha256(byte[] content) {
        try {
            return Sha256.of(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True for the files this hub stores in LFS. */
    public static boolean isLfs(String name) {
        return name.endsWith(".safetensors") || name.endsWith(".bin");
    }

    @Override
    public void close() {
        if (isDefault) {
            System.clearProperty(HubSettings.ENDPOINT_PROPERTY);
            System.clearProperty(HubSettings.CACHE_PROPERTY);
        }
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        Headers in = ex.getRequestHeaders();
        log.add(new Request(ex.getRequestMethod(), path, in.getFirst("Authorization"), in.getFirst("Range")));
        try (ex) {
            pause(delayMillis);
            if (failuresLeft > 0) {
                failuresLeft--;
                ex.sendResponseHeaders(failureStatus, -1);
                return;
            }
            if (path.startsWith("/cdn/")) {
                serveBlob(ex, path.substring("/cdn/".length()));
                return;
            }
            if (requiredToken != null && !("Bearer " + requiredToken).equals(in.getFirst("Authorization"))) {
                ex.getResponseHeaders().set("X-Error-Code", "GatedRepo");
                ex.sendResponseHeaders(deniedStatus, -1);
                return;
            }
            resolve(ex, path);
        }
    }

    private void resolve(HttpExchange ex, String path) throws IOException {
        String[] parts = path.substring(1).split("/", 5);
        Headers out = ex.getResponseHeaders();
        if (parts.length < 5 || !"resolve".equals(parts[2])) {
            ex.sendResponseHeaders(400, -1);
            return;
        }
        String repoId = parts[0] + "/" + parts[1];
        Map<String, byte[]> files = repos.get(repoId);
        if (files == null) {
            out.set("X-Error-Code", "RepoNotFound");
            ex.sendResponseHeaders(404, -1);
            return;
        }
        String commit = commit(repoId);
        String revision = java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        if (!revision.equals("main") && !revision.equals(commit)) {
            out.set("X-Error-Code", "RevisionNotFound");
            ex.sendResponseHeaders(404, -1);
            return;
        }
        out.set("X-Repo-Commit", commit);
        String name = java.net.URLDecoder.decode(parts[4], StandardCharsets.UTF_8);
        byte[] content = files.get(name);
        if (content == null) {
            out.set("X-Error-Code", "EntryNotFound");
            ex.sendResponseHeaders(404, -1);
            return;
        }
        if (isLfs(name)) {
            String sha = sha256(content);
            out.set("X-Linked-Etag", "\"" + sha + "\"");
            out.set("X-Linked-Size", Long.toString(content.length));
            out.set("ETag", "\"" + gitBlobId(sha.getBytes(StandardCharsets.US_ASCII)) + "\"");
            out.set("Location", cdn.endpoint() + "/cdn/" + sha);
            ex.sendResponseHeaders(302, -1);
            return;
        }
        out.set("ETag", "\"" + (forgedEtag != null ? forgedEtag : gitBlobId(content)) + "\"");
        send(ex, content, 0);
    }

    private void serveBlob(HttpExchange ex, String sha) throws IOException {
        byte[] content = blobs.get(sha);
        if (content == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        if (corrupt) {
            content = content.clone();
            content[0] ^= 1;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        long start = range == null ? 0 : Long.parseLong(range.substring("bytes=".length(), range.indexOf('-')));
        send(ex, content, start);
    }

    private void send(HttpExchange ex, byte[] content, long start) throws IOException {
        int from = (int) start;
        int length = content.length - from;
        if (start > 0) {
            ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/"
                    + content.length);
        }
        int status = start > 0 ? 206 : 200;
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length);
        long drop = dropAfterBytes;
        dropAfterBytes = -1;
        OutputStream body = ex.getResponseBody();
        int chunk = 1 << 16;
        for (int offset = from; offset < content.length; offset += chunk) {
            int n = Math.min(chunk, content.length - offset);
            if (drop >= 0 && offset - from + n > drop) {
                body.write(content, offset, (int) (drop - (offset - from)));
                body.flush();
                throw new IOException("fake hub: dropping the connection after " + drop + " bytes");
            }
            body.write(content, offset, n);
            pause(chunkPauseMillis);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
