package io.github.dermlip.spark;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Turns one batch of input rows into output rows in two steps, so that {@link PrefetchingBatches} can start the
 * next batch (reading and decoding its images) while this one runs the model.
 *
 * @param <P> the batch once started
 */
interface BatchStage<P> {
    /** Starts the slow, model-free part of a batch (it may run on other threads) and returns at once. */
    P start(List<Row> batch);

    /** Completes a started batch: one output row per input row, in order. */
    List<Row> finish(P started);
}
