package io.github.dermlip.train.data;

import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * WebDataset-style approximate shuffle of a sample stream in bounded memory.
 *
 * <p>The buffer is first filled with up to {@code capacity} samples. Each call then returns the sample at a
 * uniformly drawn index {@code rng.nextInt(size)} and puts the upstream's next sample in its place; once the
 * upstream is exhausted, the last buffered sample fills the hole instead and the buffer shrinks. Given the
 * same upstream order and generator, the output order is always the same.
 */
final class ShuffleBuffer implements SampleStream {
    private final SampleStream upstream;
    private final RandomGenerator rng;
    private final Sample[] buffer;
    private int size;
    private boolean upstreamDone;
    private boolean filled;

    ShuffleBuffer(SampleStream upstream, int capacity, RandomGenerator rng) {
        if (capacity < 1) {
            throw new IllegalArgumentException("shuffle buffer capacity must be >= 1, got " + capacity);
        }
        this.upstream = upstream;
        this.rng = rng;
        this.buffer = new Sample[capacity];
    }

    @Override
    public Sample next() throws IOException {
        if (!filled) {
            while (size < buffer.length && pull()) {
                size++;
            }
            filled = true;
        }
        if (size == 0) {
            return null;
        }
        int index = rng.nextInt(size);
        Sample out = buffer[index];
        if (!upstreamDone) {
            Sample replacement = upstream.next();
            if (replacement != null) {
                buffer[index] = replacement;
                return out;
            }
            upstreamDone = true;
        }
        buffer[index] = buffer[size - 1];
        buffer[--size] = null;
        return out;
    }

    private boolean pull() throws IOException {
        Sample sample = upstream.next();
        if (sample == null) {
            upstreamDone = true;
            return false;
        }
        buffer[size] = sample;
        return true;
    }

    @Override
    public void close() throws IOException {
        upstream.close();
    }
}
