package io.github.dermlip.eval.data;

/** What a loader does when metadata names an image that is not on disk. */
public enum MissingImagePolicy {
    /** Refuse the dataset, naming the first missing images and their count. */
    FAIL,
    /** Drop the rows whose image is missing and log a warning with the first few and the count. */
    SKIP
}
