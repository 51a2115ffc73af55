package io.github.dermlip.train.checkpoint;

import io.github.dermlip.train.data.BadSampleReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The running sums of the epoch in progress, saved with the training state so that the epoch's line in
 * {@code results.jsonl} covers the whole epoch even when the run was resumed in its middle.
 *
 * @param lossSum the sum of the losses of the epoch's steps so far
 * @param steps the steps summed
 * @param skipped bad samples passed over so far in the epoch's batches, by reason (only reasons that occurred)
 */
public record EpochTotals(double lossSum, long steps, Map<BadSampleReason, Long> skipped) {
    /** Nothing summed yet: the start of an epoch. */
    public static final EpochTotals NONE = new EpochTotals(0, 0, Map.of());

    /** Copies the counts. */
    public EpochTotals {
        EnumMap<BadSampleReason, Long> counts = new EnumMap<>(BadSampleReason.class);
        counts.putAll(skipped);
        skipped = Collections.unmodifiableMap(counts);
    }

    /** These totals plus one step of {@code loss}. */
    public EpochTotals plusStep(double loss) {
        return new EpochTotals(lossSum + loss, steps + 1, skipped);
    }

    /** These totals plus the given skipped samples. */
    public EpochTotals plusSkipped(Map<BadSampleReason, Long> more) {
        EnumMap<BadSampleReason, Long> counts = new EnumMap<>(BadSampleReason.class);
        counts.putAll(skipped);
        more.forEach((reason, count) -> counts.merge(reason, count, Long::sum));
        return new EpochTotals(lossSum, steps, counts);
    }

    /** All skipped samples. */
    public long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
}
