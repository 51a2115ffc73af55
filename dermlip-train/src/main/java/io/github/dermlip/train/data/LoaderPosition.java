package io.github.dermlip.train.data;

/**
 * Where a pass over the data stands, to be saved with a training checkpoint and handed back to
 * {@link BatchLoader#iterator(LoaderPosition)} to continue exactly where it stopped.
 *
 * @param epoch the epoch (0-based)
 * @param batch the index within the epoch of the next batch to produce
 * @param sample the position in the epoch's order of the next candidate to read; it differs from
 *     {@code batch * batchSize} by the bad samples skipped so far in the epoch
 */
public record LoaderPosition(int epoch, int batch, long sample) {

    /** Checks that all parts are non-negative. */
    public LoaderPosition {
        if (epoch < 0 || batch < 0 || sample < 0) {
            throw new IllegalArgumentException("loader position parts must be >= 0, got epoch " + epoch
                    + ", batch " + batch + ", sample " + sample);
        }
    }

    /** The start of an epoch. */
    public static LoaderPosition startOf(int epoch) {
        return new LoaderPosition(epoch, 0, 0);
    }
}
