package io.github.dermlip.train;

import java.util.List;

/**
 * A run stopped because training produced a NaN or infinite value: the loss of a step, or the weights after an
 * update. The weights of that step are not saved; the last checkpoint written before stays the latest.
 */
public class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long step;
    private final List<String> sampleKeys;

    /**
     * Creates the exception.
     *
     * @param step the 1-based number of the failing optimizer step
     * @param what what became non-finite, e.g. {@code loss NaN}
     * @param sampleKeys the keys of the samples of that step's batch
     */
    public TrainingDivergedException(long step, String what, List<String> sampleKeys) {
        super("training diverged at step " + step + ": " + what + "; batch samples: " + sampleKeys);
        this.step = step;
        this.sampleKeys = List.copyOf(sampleKeys);
    }

    /** The 1-based number of the failing step. */
    public long step() {
        return step;
    }

    /** The keys of the samples of the failing step. */
    public List<String> sampleKeys() {
        return sampleKeys;
    }
}
