package io.github.dermlip.train.data;

/** Why a sample was skipped. */
public enum BadSampleReason {
    /** The image file does not exist. */
    MISSING_FILE,
    /** The image file exists but could not be read. */
    UNREADABLE_FILE,
    /** The bytes were read but the decoder rejected them. */
    UNDECODABLE_IMAGE,
    /** The caption is empty or only whitespace. */
    EMPTY_CAPTION,
    /** The sample lacks its image or its caption (a manifest row with no path, a WebDataset key without a pair). */
    INCOMPLETE_SAMPLE
}
