package io.github.dermlip.spark;

/** Why a row got no embedding; the value of the {@code error_cause} column and the key of {@link ErrorSummary}. */
public enum ErrorCause {
    /** The image path is null or names no file. */
    MISSING,
    /** The file exists but could not be read (permissions, a directory, an I/O failure). */
    UNREADABLE,
    /** The bytes are not a decodable image. */
    CORRUPT,
    /** The file, its pixel count or its aspect ratio exceeds core's {@link io.github.dermlip.core.image.ImageLimits}. */
    TOO_LARGE,
    /** The caption is null. */
    NO_TEXT
}
