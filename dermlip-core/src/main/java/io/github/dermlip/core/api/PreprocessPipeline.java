package io.github.dermlip.core.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Prepares model inputs on a thread pool while the caller's thread runs the model: items are preprocessed in
 * order, at most two batches ahead of the batch being consumed, and handed over one batch at a time as one flat
 * array (item {@code i} of the batch at {@code [i * itemLength, (i + 1) * itemLength)}).
 */
final class PreprocessPipeline {
    /** Produces the preprocessed values of one item; runs on a pool thread. */
    @FunctionalInterface
    interface ItemSource {
        float[] prepare(int index) throws IOException;
    }

    /** Receives one batch on the calling thread. */
    @FunctionalInterface
    interface BatchConsumer {
        void accept(int start, int count, float[] flat) throws IOException;
    }

    private static final int BATCHES_AHEAD = 2;

    private final ExecutorService pool;

    PreprocessPipeline(ExecutorService pool) {
        this.pool = pool;
    }

    /**
     * Preprocesses items {@code 0 .. total-1} and gives them to {@code consumer} in batches of {@code batchSize}.
     * The first failure (an unreadable image, say) stops the run and is rethrown here; pending work is cancelled.
     */
    void run(int total, int batchSize, int itemLength, ItemSource source, BatchConsumer consumer) throws IOException {
        Deque<Future<float[]>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            for (; next < total && pending.size() < BATCHES_AHEAD * batchSize; next++) {
                pending.add(submit(source, next));
            }
            for (int start = 0; start < total; start += batchSize) {
                int count = Math.min(batchSize, total - start);
                float[] flat = new float[Math.multiplyExact(count, itemLength)];
                for (int i = 0; i < count; i++) {
                    float[] item = await(pending.poll());
                    if (item.length != itemLength) {
                        throw new IllegalStateException("item " + (start + i) + " has " + item.length
                                + " values, expected " + itemLength);
                    }
                    System.arraycopy(item, 0, flat, i * itemLength, itemLength);
                    if (next < total) {
                        pending.add(submit(source, next++));
                    }
                }
                consumer.accept(start, count, flat);
            }
        } finally {
            for (Future<float[]> f : pending) {
                f.cancel(true);
            }
        }
    }

    private Future<float[]> submit(ItemSource source, int index) {
        return pool.submit(() -> {
            try {
                return source.prepare(index);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static float[] await(Future<float[]> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for preprocessed images");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
