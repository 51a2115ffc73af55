package io.github.dermlip.spark;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * How many rows of an embedded dataset failed, by {@link ErrorCause}, counted on the cluster (only the counts reach
 * the driver).
 *
 * @param rows all rows
 * @param byCause failed rows per cause name, in name order; causes with no rows are absent
 */
public record ErrorSummary(long rows, Map<String, Long> byCause) {
    /** Copies the map. */
    public ErrorSummary {
        byCause = Collections.unmodifiableMap(new TreeMap<>(byCause));
    }

    /** Counts the {@link EmbeddingColumns#ERROR_CAUSE} values of {@code embedded} in one pass. */
    public static ErrorSummary of(Dataset<Row> embedded) {
        Map<String, Long> counts = new TreeMap<>();
        long rows = 0;
        for (Row row : embedded.groupBy(functions.col(EmbeddingColumns.ERROR_CAUSE)).count().collectAsList()) {
            long n = row.getLong(1);
            rows += n;
            if (!row.isNullAt(0)) {
                counts.put(row.getString(0), n);
            }
        }
        return new ErrorSummary(rows, counts);
    }

    /** Failed rows in all. */
    public long failed() {
        return byCause.values().stream().mapToLong(Long::longValue).sum();
    }
}
