package io.github.dermlip.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * A partition's rows processed in batches, one batch started ahead of the one being finished. The output is lazy,
 * so Spark streams it to the writer and a partition never has to fit in memory.
 *
 * @param <P> a started batch
 */
final class PrefetchingBatches<P> implements Iterator<Row> {
    private final Iterator<Row> input;
    private final int batchSize;
    private final BatchStage<P> stage;
    private final Deque<P> started = new ArrayDeque<>();
    private Iterator<Row> current = Collections.emptyIterator();

    PrefetchingBatches(Iterator<Row> input, int batchSize, BatchStage<P> stage) {
        this.input = input;
        this.batchSize = batchSize;
        this.stage = stage;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext()) {
            while (started.size() < 2 && input.hasNext()) {
                started.add(stage.start(nextBatch()));
            }
            if (started.isEmpty()) {
                return false;
            }
            current = stage.finish(started.poll()).iterator();
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }

    private List<Row> nextBatch() {
        List<Row> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && input.hasNext()) {
            batch.add(input.next());
        }
        return batch;
    }
}
