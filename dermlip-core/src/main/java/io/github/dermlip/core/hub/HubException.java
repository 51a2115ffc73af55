package io.github.dermlip.core.hub;

import java.io.IOException;

/** A hub download or cache lookup that failed; the message names the repository, the file and what to do. */
public class HubException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public HubException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
