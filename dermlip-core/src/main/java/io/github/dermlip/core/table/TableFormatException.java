package io.github.dermlip.core.table;

import java.io.IOException;

/** A delimited text file that cannot be read as a table: the message names the file and the line or column. */
public class TableFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message already names the file and what is wrong in it. */
    public TableFormatException(String message) {
        super(message);
    }

    /** Same, keeping the parser's exception as the cause. */
    public TableFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
