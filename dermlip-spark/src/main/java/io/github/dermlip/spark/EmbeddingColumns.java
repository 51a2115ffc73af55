package io.github.dermlip.spark;

import org.apache.spark.sql.types.StructType;

/** The columns an embedding adds: the vector, and why it is null when it is. */
public final class EmbeddingColumns {
    /** {@code array<float>}: the embedding, null when the row failed. */
    public static final String EMBEDDING = "embedding";
    /** String: the path (or row) and what went wrong, null when the row succeeded. */
    public static final String ERROR = "error";
    /** String: the {@link ErrorCause} name, null when the row succeeded. */
    public static final String ERROR_CAUSE = "error_cause";

    private EmbeddingColumns() {}

    /** {@code input} with the three columns appended. */
    static StructType append(StructType input) {
        return Rows.append(input, Rows.floatArray(EMBEDDING), Rows.string(ERROR),
                Rows.string(ERROR_CAUSE));
    }
}
