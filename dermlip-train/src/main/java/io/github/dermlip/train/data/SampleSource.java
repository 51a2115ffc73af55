package io.github.dermlip.train.data;

import java.io.IOException;
import java.util.OptionalLong;

/**
 * A data set of image-caption pairs that can be read epoch by epoch in a reproducible order.
 *
 * <p>The order of an epoch depends only on {@code (seed, epoch)}, so a run can be repeated or resumed.
 */
public interface SampleSource {

    /**
     * Opens one epoch's candidates.
     *
     * @param epoch the epoch (0-based)
     * @param seed the run's seed
     * @param shuffle whether to shuffle; without it the source's own order is kept
     * @param start how many candidates of the epoch to skip, for resuming
     */
    SampleStream open(int epoch, long seed, boolean shuffle, long start) throws IOException;

    /** Candidates per epoch, when known without reading the data. */
    OptionalLong size();

    /** What the samples come from, for logs and messages. */
    String description();
}
