package io.github.dermlip.core.api;

/**
 * Told how far a long encoding run has got, after every batch, on the thread that called the encoding method.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * Called after each batch.
     *
     * @param done items encoded so far
     * @param total items in the run
     */
    void progress(int done, int total);
}
