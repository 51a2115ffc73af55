package io.github.dermlip.core.tokenizer;

import io.github.dermlip.core.io.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where CLIP's BPE vocabulary {@value #CLIP_VOCAB_FILE_NAME} comes from, and how it is checked.
 *
 * <p>dermlip-core bundles the file open_clip ships (MIT, from OpenAI CLIP) as the class-path resource
 * {@value #BUNDLED_RESOURCE}, so CLIP-BPE models work with no setup; its sha256 is checked each time it is read.
 * The system property {@value #SYSTEM_PROPERTY}, else the environment variable {@value #ENVIRONMENT_VARIABLE},
 * names another file instead (and a command's {@code --vocab} overrides both); one that is set must name an
 * existing file. Nothing is ever downloaded.
 */
public final class BpeVocabularyFiles {
    /** File name of CLIP's vocabulary, as open_clip ships it. */
    public static final String CLIP_VOCAB_FILE_NAME = "bpe_simple_vocab_16e6.txt.gz";
    /** SHA-256 of the file open_clip ships. */
    public static final String CLIP_VOCAB_SHA256 = "924691ac288e54409236115652ad4aa250f48203de50a9e4722a6ecd48d6804a";
    /** The class-path resource holding the bundled copy. */
    public static final String BUNDLED_RESOURCE = "/io/github/dermlip/core/tokenizer/" + CLIP_VOCAB_FILE_NAME;
    /** System property naming the vocabulary file. */
    public static final String SYSTEM_PROPERTY = "dermlip.bpe.vocab";
    /** Environment variable naming the vocabulary file. */
    public static final String ENVIRONMENT_VARIABLE = "DERMLIP_BPE_VOCAB";

    private BpeVocabularyFiles() {}

    /**
     * The vocabulary file the system property or environment variable names, or empty to use the bundled one.
     *
     * @throws VocabularyException when the one that is set names no file
     */
    public static Optional<Path> override() {
        return override(System::getProperty, System::getenv);
    }

    /** {@link #override()} with the properties and environment given (for tests). */
    static Optional<Path> override(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String property = properties.apply(SYSTEM_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(requireFile(Path.of(property), "system property " + SYSTEM_PROPERTY));
        }
        String variable = environment.apply(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(requireFile(Path.of(variable), "environment variable " + ENVIRONMENT_VARIABLE));
        }
        return Optional.empty();
    }

    private static Path requireFile(Path file, String origin) {
        if (!Files.isRegularFile(file)) {
            throw new VocabularyException(missingMessage(file + " (from the " + origin + ") does not exist"));
        }
        return file;
    }

    /** A message for a missing vocabulary file: what is missing, then what to do. */
    static String missingMessage(String what) {
        return what + ". Name an existing copy of open_clip's " + CLIP_VOCAB_FILE_NAME + " (sha256 " + CLIP_VOCAB_SHA256
                + "), or set neither -D" + SYSTEM_PROPERTY + " nor " + ENVIRONMENT_VARIABLE + " to use the copy bundled"
                + " with dermlip-core.";
    }

    /**
     * Opens the bundled vocabulary after checking its sha256.
     *
     * @throws VocabularyException when the resource is missing from the class path or has another checksum
     */
    static InputStream openBundled() {
        byte[] bytes;
        try (InputStream in = BpeVocabularyFiles.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new VocabularyException("the class path has no " + BUNDLED_RESOURCE + " (is dermlip-core's jar"
                        + " complete?); name a vocabulary file with -D" + SYSTEM_PROPERTY + "=PATH instead");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + BUNDLED_RESOURCE, e);
        }
        try {
            String actual = Sha256.of(new ByteArrayInputStream(bytes));
            if (!actual.equals(CLIP_VOCAB_SHA256)) {
                throw new VocabularyException(BUNDLED_RESOURCE + ": sha256 " + actual + " is not that of open_clip's "
                        + CLIP_VOCAB_FILE_NAME + " (" + CLIP_VOCAB_SHA256 + ")");
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return new ByteArrayInputStream(bytes);
    }

    /**
     * Checks that {@code file} is the vocabulary open_clip ships.
     *
     * @throws VocabularyException naming the file and both checksums when it is not
     */
    public static void verifyClipVocabulary(Path file) throws IOException {
        String actual = Sha256.of(file);
        if (!actual.equals(CLIP_VOCAB_SHA256)) {
            throw new VocabularyException(file + ": sha256 " + actual + " is not that of open_clip's "
                    + CLIP_VOCAB_FILE_NAME + " (" + CLIP_VOCAB_SHA256 + ")");
        }
    }
}
