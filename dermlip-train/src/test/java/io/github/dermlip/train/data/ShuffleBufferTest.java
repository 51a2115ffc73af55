package io.github.dermlip.train.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShuffleBufferTest {

    @Test
    void emitsEverySampleOnceInAnOrderFixedBySeed() throws IOException {
        List<Integer> first = drain(100, 10, 5);

        assertEquals(IntStream.range(0, 100).boxed().toList(), first.stream().sorted().toList());
        assertEquals(first, drain(100, 10, 5));
        assertNotEquals(first, drain(100, 10, 6));
        assertNotEquals(IntStream.range(0, 100).boxed().toList(), first);
    }

    @Test
    void aSampleCannotMoveForwardFurtherThanTheBufferAllows() throws IOException {
        List<Integer> out = drain(200, 8, 1);

        for (int i = 0; i < out.size(); i++) {
            assertTrue(out.get(i) <= i + 7, "sample " + out.get(i) + " emitted at " + i);
        }
    }

    /** Shuffles samples "0".."total-1", checking after each output that at most {@code capacity} are held. */
    private static List<Integer> drain(int total, int capacity, long seed) throws IOException {
        Counting upstream = new Counting(total);
        List<Integer> out = new ArrayList<>();
        try (ShuffleBuffer buffer = new ShuffleBuffer(upstream, capacity, new SplittableRandom(seed))) {
            for (Sample s = buffer.next(); s != null; s = buffer.next()) {
                out.add(Integer.parseInt(s.key()));
                assertTrue(upstream.pulled - out.size() <= capacity, "the buffer holds more than " + capacity);
            }
        }
        return out;
    }

    /** Samples "0", "1", ... counting how many were pulled. */
    private static final class Counting implements SampleStream {
        private final int total;
        private int pulled;

        Counting(int total) {
            this.total = total;
        }

        @Override
        public Sample next() {
            return pulled < total ? new Sample(Integer.toString(pulled++), "test", "c", () -> new byte[0]) : null;
        }

        @Override
        public void close() {}
    }
}
