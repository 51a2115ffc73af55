package io.github.dermlip.train.data;

/**
 * An unexpected failure while loading one sample (a bug or misconfiguration, not bad data): the decoder or
 * transform threw something other than an {@link java.io.IOException}, or the transform's output has the
 * wrong length. It stops the pass and reaches the training thread with the sample's key.
 */
public class SampleProcessingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /** Creates the exception for the sample {@code key} from {@code origin}. */
    public SampleProcessingException(String key, String origin, String problem, Throwable cause) {
        super("sample '" + key + "' from " + origin + ": " + problem, cause);
        this.key = key;
    }

    /** The failing sample's key. */
    public String key() {
        return key;
    }
}
