package io.github.dermlip.train.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Builds the batches of one epoch from its candidate stream, the samples of a batch processed in parallel.
 *
 * <p>Refill policy, which keeps every batch full and the result independent of the worker count: the next
 * {@code batchSize} candidates go to slots {@code 0..batchSize-1} and are processed in parallel. The slots
 * whose candidate turned out bad stay open; the following candidates are assigned to the open slots in
 * ascending slot order, one each, and processed in parallel again, until no slot is open or the epoch runs
 * out. Which candidate lands in which slot depends only on which candidates are bad, never on timing. Bad
 * samples are logged and the bad-sample limit checked after each such wave, in candidate order.
 *
 * <p>When the epoch runs out with slots still open, the batch is dropped ({@code dropLast}) or returned with
 * its filled slots in slot order.
 */
final class BatchAssembler {
    private final SampleStream stream;
    private final ExecutorService pool;
    private final SampleProcessor processor;
    private final LoaderOptions options;
    private final BadSampleLog log;
    private final String sourceName;
    private final int epoch;
    private long position;
    private boolean exhausted;

    BatchAssembler(SampleStream stream, long startPosition, int epoch, ExecutorService pool,
            SampleProcessor processor, LoaderOptions options, BadSampleLog log, String sourceName) {
        this.stream = stream;
        this.position = startPosition;
        this.epoch = epoch;
        this.pool = pool;
        this.processor = processor;
        this.options = options;
        this.log = log;
        this.sourceName = sourceName;
    }

    /** The position in the epoch's order of the next candidate to read. */
    long position() {
        return position;
    }

    /** Assembles batch {@code index}; {@code null} when the epoch has no further batch. */
    Batch next(int index) throws IOException, InterruptedException {
        int floats = processor.imageFloats();
        Slots slots = fill(new float[options.batchSize() * floats]);
        if (slots == null) {
            return null;
        }
        LoaderPosition next = new LoaderPosition(epoch, index + 1, position);
        int size = options.batchSize();
        if (slots.filled == size) {
            return new Batch(epoch, index, slots.images, processor.imageSize(), Arrays.asList(slots.captions),
                    Arrays.asList(slots.keys), next, slots.skipped);
        }
        float[] images = new float[slots.filled * floats];
        List<String> captions = new ArrayList<>(slots.filled);
        List<String> keys = new ArrayList<>(slots.filled);
        for (int slot = 0; slot < size; slot++) {
            if (slots.keys[slot] != null) {
                System.arraycopy(slots.images, slot * floats, images, keys.size() * floats, floats);
                captions.add(slots.captions[slot]);
                keys.add(slots.keys[slot]);
            }
        }
        return new Batch(epoch, index, images, processor.imageSize(), captions, keys, next, slots.skipped);
    }

    /**
     * Goes through the next batch exactly as {@link #next} would, decoding its candidates to tell good from
     * bad but not transforming them; {@code false} when the epoch has no further batch.
     */
    boolean skip() throws IOException, InterruptedException {
        return fill(null) != null;
    }

    private Slots fill(float[] images) throws IOException, InterruptedException {
        if (exhausted) {
            return null;
        }
        int size = options.batchSize();
        int floats = processor.imageFloats();
        Slots slots = new Slots(images, size);
        int[] open = Permutations.identity(size);
        int openCount = size;
        Sample[] wave = new Sample[size];
        List<Future<BadSample>> results = new ArrayList<>(size);
        while (openCount > 0 && !exhausted) {
            int drawn = 0;
            results.clear();
            while (drawn < openCount) {
                Sample sample = stream.next();
                if (sample == null) {
                    exhausted = true;
                    break;
                }
                int offset = open[drawn] * floats;
                long samplePosition = position++;
                wave[drawn++] = sample;
                results.add(pool.submit(() -> processor.process(sample, epoch, samplePosition, images, offset)));
            }
            int stillOpen = 0;
            try {
                for (int i = 0; i < drawn; i++) {
                    BadSample bad = await(results.get(i));
                    if (bad == null) {
                        slots.put(open[i], wave[i]);
                    } else {
                        log.recordBad(bad);
                        slots.skipped.merge(bad.reason(), 1L, Long::sum);
                        open[stillOpen++] = open[i];
                    }
                }
            } finally {
                for (Future<BadSample> result : results) {
                    result.cancel(true);
                }
            }
            for (int i = drawn; i < openCount; i++) {
                open[stillOpen++] = open[i];
            }
            openCount = stillOpen;
            log.recordSeen(drawn);
            if (log.exceeds(options.maxBadFraction(), options.minSamplesForBadCheck())) {
                throw new TooManyBadSamplesException(log.snapshot(), options.maxBadFraction(), sourceName);
            }
        }
        boolean full = openCount == 0;
        return full || (!options.dropLast() && slots.filled > 0) ? slots : null;
    }

    private static BadSample await(Future<BadSample> result) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("sample task failed", cause);
        }
    }

    /** The filled slots of a batch under construction. */
    private static final class Slots {
        final float[] images;
        final String[] keys;
        final String[] captions;
        final Map<BadSampleReason, Long> skipped = new EnumMap<>(BadSampleReason.class);
        int filled;

        Slots(float[] images, int size) {
            this.images = images;
            this.keys = new String[size];
            this.captions = new String[size];
        }

        void put(int slot, Sample sample) {
            keys[slot] = sample.key();
            captions[slot] = sample.caption();
            filled++;
        }
    }
}
