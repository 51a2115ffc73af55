package io.github.dermlip.train.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts processed and bad samples of one pass; written by the batch assembler, read from any thread. */
final class BadSampleLog {
    private final int listLimit;
    private final Map<BadSampleReason, Long> counts = new EnumMap<>(BadSampleReason.class);
    private final List<BadSample> first = new ArrayList<>();
    private long seen;
    private long bad;

    BadSampleLog(int listLimit) {
        this.listLimit = listLimit;
    }

    synchronized void recordSeen(long samples) {
        seen += samples;
    }

    synchronized void recordBad(BadSample sample) {
        bad++;
        counts.merge(sample.reason(), 1L, Long::sum);
        if (first.size() < listLimit) {
            first.add(sample);
        }
    }

    /** Whether the bad fraction is above {@code maxFraction} once at least {@code minSeen} samples were seen. */
    synchronized boolean exceeds(double maxFraction, long minSeen) {
        return seen >= minSeen && bad > maxFraction * seen;
    }

    synchronized BadSampleReport snapshot() {
        return new BadSampleReport(seen, counts, first, listLimit);
    }
}
