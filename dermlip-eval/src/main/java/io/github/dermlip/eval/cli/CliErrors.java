package io.github.dermlip.eval.cli;

import io.github.dermlip.eval.data.DatasetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * Tells failures of the user's input (files, configs, vocabularies, class lists: I/O errors and illegal arguments)
 * from bugs, and words them as one line.
 */
final class CliErrors {
    private CliErrors() {}

    /** True for an error in what the user gave, which a message explains better than a stack trace. */
    static boolean isInputError(Throwable e) {
        return e instanceof IOException || e instanceof UncheckedIOException || e instanceof IllegalArgumentException
                || e instanceof DatasetException;
    }

    /** The one-line message for an input error. */
    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        if (cause instanceof NoSuchFileException) {
            return "no such file: " + message;
        }
        return message == null || message.isBlank() ? cause.getClass().getName() : message;
    }
}
