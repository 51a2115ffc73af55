package io.github.dermlip.core.tokenizer;

/**
 * A tokenizer vocabulary that is missing, unreadable or malformed. The message names the file (and the line
 * where one is at fault) and, for a missing CLIP vocabulary, where to get it.
 */
public class VocabularyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message already names the file. */
    public VocabularyException(String message) {
        super(message);
    }

    /** Creates an exception whose message already names the file, keeping the I/O error as the cause. */
    public VocabularyException(String message, Throwable cause) {
        super(message, cause);
    }
}
