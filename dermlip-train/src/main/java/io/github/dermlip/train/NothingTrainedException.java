package io.github.dermlip.train;

import io.github.dermlip.train.data.BadSampleReport;

/**
 * An epoch ended without a single complete step, so the run would train nothing (for example, every sample of
 * the training data is unreadable); the message carries the bad-sample report.
 */
public class NothingTrainedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BadSampleReport report;

    /** Creates the exception for {@code epoch} (1-based, as logged) of the data named {@code source}. */
    public NothingTrainedException(int epoch, String source, BadSampleReport report) {
        super("epoch " + epoch + " of " + source + " yielded no complete batch, so nothing was trained and no checkpoint"
                + " was written\n" + report.toText());
        this.report = report;
    }

    /** The bad samples of the epoch's pass. */
    public BadSampleReport report() {
        return report;
    }
}
