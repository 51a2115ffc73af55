package io.github.dermlip.train.data;

import java.util.Locale;

/** Thrown to the training thread when the share of bad samples passes the loader's limit; carries the report. */
public class TooManyBadSamplesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BadSampleReport report;

    /** Creates the exception; the message holds the limit and the full text report. */
    public TooManyBadSamplesException(BadSampleReport report, double maxBadFraction, String source) {
        super(String.format(Locale.ROOT, "too many bad samples in %s: %d of %d (%.2f%%) exceed the limit of %.2f%%%n%s",
                source, report.badSamples(), report.samplesSeen(), 100 * report.badFraction(), 100 * maxBadFraction,
                report.toText()));
        this.report = report;
    }

    /** The bad samples seen up to the failure. */
    public BadSampleReport report() {
        return report;
    }
}
