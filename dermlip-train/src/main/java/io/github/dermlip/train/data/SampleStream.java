package io.github.dermlip.train.data;

import java.io.Closeable;
import java.io.IOException;

/** One epoch's candidate samples in training order, read one at a time by a single thread. */
public interface SampleStream extends Closeable {

    /** The next candidate, or {@code null} at the end of the epoch. */
    Sample next() throws IOException;
}
