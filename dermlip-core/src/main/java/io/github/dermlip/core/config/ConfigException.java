package io.github.dermlip.core.config;

/** A model or preprocessing config that cannot be used: the message names the file and the field. */
public class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message already names the source and the field. */
    public ConfigException(String message) {
        super(message);
    }
}
