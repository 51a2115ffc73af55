package io.github.dermlip.core.io;

import java.io.IOException;

/**
 * A checkpoint file that cannot be read: malformed, truncated, inconsistent or asking for something
 * this library refuses to do. The message names the file and the offending tensor, field, opcode or offset.
 */
public class CheckpointFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /** Creates an exception for {@code source} (usually a file path); the message reads {@code source: detail}. */
    public CheckpointFormatException(String source, String detail) {
        super(source + ": " + detail);
        this.source = source;
    }

    /** As {@link #CheckpointFormatException(String, String)}, keeping the low-level cause. */
    public CheckpointFormatException(String source, String detail, Throwable cause) {
        super(source + ": " + detail, cause);
        this.source = source;
    }

    /** The file (or other source) that was being read. */
    public String source() {
        return source;
    }
}
