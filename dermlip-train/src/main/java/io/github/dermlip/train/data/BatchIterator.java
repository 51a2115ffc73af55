package io.github.dermlip.train.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * One pass over (the rest of) an epoch: a prefetch thread assembles batches ahead of the training thread,
 * which only takes finished ones.
 *
 * <p>At most {@code prefetchBatches} finished batches wait in a bounded queue, plus the one being assembled.
 * A failure on the prefetch or worker threads ({@link SampleProcessingException} naming the sample,
 * {@link TooManyBadSamplesException} carrying the report, an {@link UncheckedIOException} for unreadable
 * shards or manifests) is thrown by {@link #hasNext()}/{@link #next()} once the batches finished before it
 * have been taken. The pass closes itself at its end or first failure; {@link #close()} stops it early.
 * Use it from one thread; {@link #close()} and {@link #badSampleReport()} may be called from any thread. To
 * resume later, save the {@link Batch#next()} position of the last batch taken.
 */
public final class BatchIterator implements Iterator<Batch>, AutoCloseable {
    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final SampleSource source;
    private final ExecutorService pool;
    private final SampleProcessor processor;
    private final LoaderOptions options;
    private final LoaderPosition start;
    private final int firstEmitted;
    private final BadSampleLog log;
    private final BlockingQueue<Object> ready;
    private final Thread producer;
    private final Consumer<BatchIterator> onClose;
    private volatile boolean closed;
    private Object head;

    BatchIterator(SampleSource source, ExecutorService pool, SampleProcessor processor, LoaderOptions options,
            LoaderPosition start, int firstEmitted, DaemonThreadFactory threads, Consumer<BatchIterator> onClose) {
        this.source = source;
        this.pool = pool;
        this.processor = processor;
        this.options = options;
        this.start = start;
        this.firstEmitted = firstEmitted;
        this.onClose = onClose;
        this.log = new BadSampleLog(options.reportedBadSamples());
        this.ready = new ArrayBlockingQueue<>(options.prefetchBatches());
        this.producer = threads.newThread(this::produce);
        producer.start();
    }

    @Override
    public boolean hasNext() {
        if (head == null) {
            head = take();
        }
        if (head == END) {
            return false;
        }
        if (head == CLOSED) {
            throw new IllegalStateException("this pass over epoch " + start.epoch() + " was closed");
        }
        if (head instanceof Failure failure) {
            throw failure.rethrowable(source);
        }
        return true;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + start.epoch() + " has no further batch");
        }
        Batch batch = (Batch) head;
        head = null;
        return batch;
    }

    /** The bad samples this pass has met so far (including those of batches replayed to reach the start). */
    public BadSampleReport badSampleReport() {
        return log.snapshot();
    }

    /** Stops the prefetch thread and waits for it; the pass then yields no further batch. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.interrupt();
        boolean interrupted = false;
        while (producer.isAlive()) {
            try {
                producer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        ready.clear();
        ready.offer(CLOSED);
        onClose.accept(this);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Object take() {
        try {
            Object item = ready.take();
            if (item == END || item instanceof Failure) {
                close();
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
    }

    private void produce() {
        Object last = END;
        try {
            SampleStream stream = source.open(start.epoch(), options.seed(), options.shuffle(), start.sample());
            try {
                BatchAssembler assembler = new BatchAssembler(stream, start.sample(), start.epoch(), pool, processor,
                        options, log, source.description());
                for (int index = start.batch(); index < firstEmitted; index++) {
                    if (!assembler.skip()) {
                        break;
                    }
                }
                for (int index = Math.max(start.batch(), firstEmitted); ; index++) {
                    Batch batch = assembler.next(index);
                    if (batch == null) {
                        break;
                    }
                    ready.put(batch);
                }
            } finally {
                stream.close();
            }
        } catch (InterruptedException e) {
            return;
        } catch (Throwable e) {
            if (closed) {
                return;
            }
            last = new Failure(e);
        }
        try {
            ready.put(last);
        } catch (InterruptedException e) {
            // closed while the training thread was not taking: nothing left to deliver
        }
    }

    /** A failure of the prefetch thread, delivered in order after the batches finished before it. */
    private record Failure(Throwable error) {
        RuntimeException rethrowable(SampleSource source) {
            if (error instanceof RuntimeException runtime) {
                return runtime;
            }
            if (error instanceof Error fatal) {
                throw fatal;
            }
            if (error instanceof IOException io) {
                return new UncheckedIOException("reading " + source.description() + " failed: " + io.getMessage(), io);
            }
            return new IllegalStateException("loading batches from " + source.description() + " failed", error);
        }
    }
}
