package io.github.dermlip.spark;

/**
 * One input row that cannot be embedded. It becomes the row's {@code error} and {@code error_cause} values instead
 * of failing the task.
 */
final class RowFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCause cause;

    /**
     * @param source the path or row the failure is about, named at the start of the message
     * @param cause the kind of failure
     * @param detail what went wrong
     */
    RowFailure(String source, ErrorCause cause, String detail) {
        super(source + ": " + cause + ": " + detail);
        this.cause = cause;
    }

    /** The kind of failure. */
    ErrorCause errorCause() {
        return cause;
    }
}
