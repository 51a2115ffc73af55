package io.github.dermlip.eval.data;

/** A dataset's files are missing or do not have the expected form; the message names the file and the field. */
public class DatasetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a complete message. */
    public DatasetException(String message) {
        super(message);
    }

    /** An error caused by an I/O or parse failure. */
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
