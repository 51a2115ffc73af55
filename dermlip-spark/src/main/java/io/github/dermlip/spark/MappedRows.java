package io.github.dermlip.spark;

import java.util.Iterator;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;

/** A partition's rows mapped one by one, lazily. */
final class MappedRows implements Iterator<Row> {
    private final Iterator<Row> input;
    private final UnaryOperator<Row> map;

    MappedRows(Iterator<Row> input, UnaryOperator<Row> map) {
        this.input = input;
        this.map = map;
    }

    @Override
    public boolean hasNext() {
        return input.hasNext();
    }

    @Override
    public Row next() {
        return map.apply(input.next());
    }
}
