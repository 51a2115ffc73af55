package io.github.dermlip.bench;

/**
 * One performance target of issue 6 and whether this run met it.
 *
 * @param target the target, e.g. "training samples/s >= 1.5x PyTorch eager"
 * @param status whether it was met, missed, or could not be checked
 * @param measured the figures it was judged on
 */
public record TargetCheck(String target, Status status, String measured) {

    /** The outcome of a check. */
    public enum Status {
        /** The measured figures meet the target. */
        MET,
        /** They do not. */
        MISSED,
        /** A figure it needs was not measured (row not run, or no reference). */
        NOT_CHECKED
    }
}
