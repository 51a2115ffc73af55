package io.github.dermlip.train.data;

import java.io.IOException;

/** A manifest that cannot be used as it is: the message names the file and the column, key or record. */
public class ManifestException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message already names the file and what is wrong in it. */
    public ManifestException(String message) {
        super(message);
    }

    /** Same, keeping the parser's exception as the cause. */
    public ManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
