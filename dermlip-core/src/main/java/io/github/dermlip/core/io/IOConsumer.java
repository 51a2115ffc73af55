package io.github.dermlip.core.io;

import java.io.IOException;

/**
 * A consumer that may throw {@link IOException}, e.g. code that writes a file's content to a stream.
 *
 * @param <T> what is consumed
 */
@FunctionalInterface
public interface IOConsumer<T> {
    /** Consumes {@code value}. */
    void accept(T value) throws IOException;
}
