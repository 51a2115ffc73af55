package io.github.dermlip.train.data;

import io.github.dermlip.core.image.ImageTransform;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns a {@link SampleSource} into batches of transformed images and captions for contrastive training.
 *
 * <p><b>Parallelism.</b> The samples of a batch are read, decoded and transformed in parallel on a fixed pool
 * of {@code workers} daemon threads, each sample a task writing straight into the batch's image array; a
 * prefetch thread per pass assembles up to {@code prefetchBatches} batches ahead of the training thread.
 *
 * <p><b>Determinism.</b> Given the seed, batches do not depend on the worker count: an epoch's order depends
 * only on {@code (seed, epoch)} (see the source), the transform of the candidate at position {@code p} of the
 * epoch's order gets {@code new SplittableRandom(EpochSeeds.sample(seed, epoch, p))}, and bad samples are
 * replaced by this refill policy, so every batch but possibly the last is full: the next {@code batchSize}
 * candidates go to slots {@code 0..batchSize-1}; the slots whose candidate is bad stay open and receive the
 * following candidates, one each in ascending slot order, until none is open or the epoch runs out. Which
 * candidate lands in which slot thus depends only on which candidates are bad. A batch's
 * {@link Batch#next()} position counts every candidate consumed, bad ones included.
 *
 * <p><b>Bad samples.</b> A missing or unreadable file, an image the decoder rejects, an empty caption or an
 * incomplete WebDataset sample is skipped and counted ({@link BatchIterator#badSampleReport()}). Once
 * {@code minSamplesForBadCheck} candidates were seen, a bad share above {@code maxBadFraction} stops the
 * pass with a {@link TooManyBadSamplesException}.
 *
 * <p><b>Resuming.</b> Every batch carries the {@link LoaderPosition} after it; {@link #iterator(LoaderPosition)}
 * continues from there exactly, at no cost for manifest sources and at the cost of re-reading (not decoding)
 * the skipped samples for WebDataset sources. {@link #iterator(int, int)} continues from a batch index alone,
 * also exactly, by replaying the earlier batches of the epoch: it decodes their samples to find the bad ones,
 * which costs about as much as loading those batches minus the transform.
 *
 * <p>{@link #close()} stops all passes and ends every thread the loader started.
 */
public final class BatchLoader implements AutoCloseable {
    /** Prefix of the names of all threads the loader starts. */
    public static final String THREAD_NAME_PREFIX = "dermlip-data-";

    private final SampleSource source;
    private final LoaderOptions options;
    private final SampleProcessor processor;
    private final DaemonThreadFactory workerThreads = new DaemonThreadFactory(THREAD_NAME_PREFIX + "worker-");
    private final DaemonThreadFactory prefetchThreads = new DaemonThreadFactory(THREAD_NAME_PREFIX + "prefetch-");
    private final ExecutorService pool;
    private final Set<BatchIterator> passes = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Creates a loader; its worker threads start with the first pass.
     *
     * @param source the samples
     * @param transform turns a decoded image into the model's input (thread-safe)
     * @param decoder turns image bytes into an image (thread-safe), e.g. {@code ImageDecoder::decode}
     * @param options batching, threading and bad-sample policy
     */
    public BatchLoader(SampleSource source, ImageTransform transform, ImageBytesDecoder decoder, LoaderOptions options) {
        long batchFloats = (long) options.batchSize() * 3 * transform.outputSize() * transform.outputSize();
        if (batchFloats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a batch of " + options.batchSize() + " images of "
                    + transform.outputSize() + " px needs " + batchFloats + " floats, more than a Java array holds");
        }
        this.source = source;
        this.options = options;
        this.processor = new SampleProcessor(decoder, transform, options.seed());
        this.pool = new ThreadPoolExecutor(options.workers(), options.workers(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), workerThreads);
    }

    /** A pass over a whole epoch. */
    public BatchIterator iterator(int epoch) {
        return iterator(LoaderPosition.startOf(epoch));
    }

    /** A pass continuing exactly at a saved position (a batch's {@link Batch#next()}). */
    public BatchIterator iterator(LoaderPosition position) {
        return start(position, position.batch());
    }

    /**
     * A pass yielding batch {@code startBatch} of {@code epoch} and the following ones, exactly as an
     * uninterrupted pass would; the earlier batches are replayed without being transformed or returned.
     */
    public BatchIterator iterator(int epoch, int startBatch) {
        if (startBatch < 0) {
            throw new IllegalArgumentException("startBatch must be >= 0, got " + startBatch);
        }
        return start(LoaderPosition.startOf(epoch), startBatch);
    }

    private synchronized BatchIterator start(LoaderPosition position, int firstEmitted) {
        if (closed) {
            throw new IllegalStateException("this batch loader was closed");
        }
        BatchIterator pass = new BatchIterator(source, pool, processor, options, position, firstEmitted,
                prefetchThreads, passes::remove);
        passes.add(pass);
        return pass;
    }

    /** Batches per epoch when the source's size is known and no sample is bad (bad samples can only lower it). */
    public OptionalLong nominalBatchesPerEpoch() {
        OptionalLong size = source.size();
        if (size.isEmpty()) {
            return OptionalLong.empty();
        }
        long batch = options.batchSize();
        return OptionalLong.of(options.dropLast() ? size.getAsLong() / batch : (size.getAsLong() + batch - 1) / batch);
    }

    /** The loader's options. */
    public LoaderOptions options() {
        return options;
    }

    /** The loader's source. */
    public SampleSource source() {
        return source;
    }

    /** Stops every pass, shuts the worker pool down and returns once all the loader's threads have ended. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        for (BatchIterator pass : List.copyOf(passes)) {
            pass.close();
        }
        pool.shutdownNow();
        workerThreads.joinAll();
        prefetchThreads.joinAll();
    }
}
