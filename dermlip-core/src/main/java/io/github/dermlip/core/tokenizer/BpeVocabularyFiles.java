package io.github.dermlip.core.tokenizer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * Where CLIP's BPE vocabulary file {@value #CLIP_VOCAB_FILE_NAME} lives, how to check it and how to fetch it.
 *
 * <p>The default location is, first match wins: the system property {@value #SYSTEM_PROPERTY}, the environment
 * variable {@value #ENVIRONMENT_VARIABLE}, then {@code ~/.cache/dermlip/bpe_simple_vocab_16e6.txt.gz}. A property or
 * variable that is set must name an existing file. Nothing is downloaded unless a caller asks for it with
 * {@link #downloadTo(Path)}.
 */
public final class BpeVocabularyFiles {
    /** File name of CLIP's vocabulary, as open_clip ships it. */
    public static final String CLIP_VOCAB_FILE_NAME = "bpe_simple_vocab_16e6.txt.gz";
    /** SHA-256 of the file open_clip ships. */
    public static final String CLIP_VOCAB_SHA256 = "924691ac288e54409236115652ad4aa250f48203de50a9e4722a6ecd48d6804a";
    /** Where open_clip publishes the file. */
    public static final URI CLIP_VOCAB_URL =
            URI.create("https://github.com/mlfoundations/open_clip/raw/main/src/open_clip/" + CLIP_VOCAB_FILE_NAME);
    /** System property naming the vocabulary file. */
    public static final String SYSTEM_PROPERTY = "dermlip.bpe.vocab";
    /** Environment variable naming the vocabulary file. */
    public static final String ENVIRONMENT_VARIABLE = "DERMLIP_BPE_VOCAB";

    private BpeVocabularyFiles() {}

    /** {@code ~/.cache/dermlip/bpe_simple_vocab_16e6.txt.gz}. */
    public static Path defaultCacheFile() {
        return cacheFile(Path.of(System.getProperty("user.home")));
    }

    /**
     * The CLIP vocabulary file from the default location.
     *
     * @throws VocabularyException when it is not there; the message lists the places looked at, the download URL and
     *     the SHA-256 to expect
     */
    public static Path locateClipVocabulary() {
        return locate(System::getProperty, System::getenv, Path.of(System.getProperty("user.home")));
    }

    /** {@link #locateClipVocabulary()} with the property, environment and home directory given (for tests). */
    static Path locate(UnaryOperator<String> properties, UnaryOperator<String> environment, Path home) {
        String property = properties.apply(SYSTEM_PROPERTY);
        if (property != null && !property.isBlank()) {
            return requireFile(Path.of(property), "system property " + SYSTEM_PROPERTY);
        }
        String variable = environment.apply(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return requireFile(Path.of(variable), "environment variable " + ENVIRONMENT_VARIABLE);
        }
        Path cached = cacheFile(home);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        throw new VocabularyException(missingMessage("no CLIP BPE vocabulary found: neither the system property "
                + SYSTEM_PROPERTY + " nor the environment variable " + ENVIRONMENT_VARIABLE + " is set, and " + cached
                + " does not exist"));
    }

    private static Path requireFile(Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new VocabularyException(missingMessage(file + " (from the " + origin + ") does not exist"));
        }
        return file;
    }

    private static Path cacheFile(Path home) {
        return home.resolve(".cache").resolve("dermlip").resolve(CLIP_VOCAB_FILE_NAME);
    }

    /** A message for a missing vocabulary: what is missing, then where to get the file and its checksum. */
    static String missingMessage(String what) {
        return what + ". Get CLIP's vocabulary from open_clip, which ships it: " + CLIP_VOCAB_URL + " (sha256 "
                + CLIP_VOCAB_SHA256 + "), and put it at " + defaultCacheFile() + " or name it with -D" + SYSTEM_PROPERTY
                + "=PATH or " + ENVIRONMENT_VARIABLE + "=PATH.";
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Checks that {@code file} is the vocabulary open_clip ships.
     *
     * @throws VocabularyException naming the file and both checksums when it is not
     */
    public static void verifyClipVocabulary(Path file) throws IOException {
        String actual = sha256(file);
        if (!actual.equals(CLIP_VOCAB_SHA256)) {
            throw new VocabularyException(file + ": sha256 " + actual + " is not that of open_clip's "
                    + CLIP_VOCAB_FILE_NAME + " (" + CLIP_VOCAB_SHA256 + ")");
        }
    }

    /**
     * Downloads CLIP's vocabulary from {@link #CLIP_VOCAB_URL} to {@code target}, only when a user asks for it. The
     * file is written next to {@code target} first and moved into place only if its SHA-256 is
     * {@link #CLIP_VOCAB_SHA256}; a mismatch leaves {@code target} untouched and throws.
     *
     * @return {@code target}
     */
    public static Path downloadTo(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, CLIP_VOCAB_FILE_NAME, ".part");
        try {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpRequest request = HttpRequest.newBuilder(CLIP_VOCAB_URL).timeout(Duration.ofMinutes(5)).GET().build();
            HttpResponse<Path> response = client.send(request,
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() != 200) {
                throw new IOException(CLIP_VOCAB_URL + ": HTTP " + response.statusCode());
            }
            String actual = sha256(partial);
            if (!actual.equals(CLIP_VOCAB_SHA256)) {
                throw new IOException(CLIP_VOCAB_URL + ": downloaded file has sha256 " + actual + ", expected "
                        + CLIP_VOCAB_SHA256 + "; refusing it");
            }
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + CLIP_VOCAB_URL, e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }
}
