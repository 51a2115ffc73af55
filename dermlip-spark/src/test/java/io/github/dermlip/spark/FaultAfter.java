package io.github.dermlip.spark;

import java.util.Iterator;
import org.apache.spark.sql.Row;

/** A partition's rows passed through, with a fault (an exception, a dead JVM) injected before row {@code after}. */
final class FaultAfter implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final int after;
    private final Runnable fault;
    private int seen;

    /** @param fault what happens before row {@code after}, or null for a partition left alone */
    FaultAfter(Iterator<Row> rows, int after, Runnable fault) {
        this.rows = rows;
        this.after = after;
        this.fault = fault;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public Row next() {
        if (fault != null && ++seen == after) {
            fault.run();
        }
        return rows.next();
    }
}
