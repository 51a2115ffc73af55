package io.github.dermlip.train.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of the samples skipped so far: how many samples were looked at, how many were bad by reason,
 * and the first bad ones in epoch order.
 *
 * @param samplesSeen candidates processed, good and bad
 * @param countsByReason bad samples per reason (every reason present, possibly 0)
 * @param firstBadSamples the first bad samples, at most {@code listLimit}
 * @param listLimit how many bad samples the report lists at most
 */
public record BadSampleReport(long samplesSeen, Map<BadSampleReason, Long> countsByReason,
        List<BadSample> firstBadSamples, int listLimit) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Copies the collections, filling in reasons with no bad sample as 0. */
    public BadSampleReport {
        EnumMap<BadSampleReason, Long> counts = new EnumMap<>(BadSampleReason.class);
        for (BadSampleReason reason : BadSampleReason.values()) {
            counts.put(reason, countsByReason.getOrDefault(reason, 0L));
        }
        countsByReason = Collections.unmodifiableMap(counts);
        firstBadSamples = List.copyOf(firstBadSamples);
    }

    /** Total bad samples. */
    public long badSamples() {
        long total = 0;
        for (long count : countsByReason.values()) {
            total += count;
        }
        return total;
    }

    /** Bad samples over samples seen, 0 when none were seen. */
    public double badFraction() {
        return samplesSeen == 0 ? 0 : (double) badSamples() / samplesSeen;
    }

    /** A human-readable summary: totals, counts by reason, then one line per listed bad sample. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "bad samples: %d of %d seen (%.3f%%)%n",
                badSamples(), samplesSeen, 100 * badFraction()));
        for (Map.Entry<BadSampleReason, Long> count : countsByReason.entrySet()) {
            if (count.getValue() > 0) {
                text.append("  ").append(count.getKey()).append(": ").append(count.getValue()).append('\n');
            }
        }
        if (!firstBadSamples.isEmpty()) {
            text.append(badSamples() > firstBadSamples.size()
                    ? "first " + firstBadSamples.size() + " bad samples:\n" : "bad samples:\n");
            for (BadSample bad : firstBadSamples) {
                text.append("  ").append(bad.key()).append(" [").append(bad.reason()).append("] ")
                        .append(bad.detail()).append(" (").append(bad.origin()).append(", position ")
                        .append(bad.position()).append(")\n");
            }
        }
        return text.toString();
    }

    /** The same as a JSON object: {@code samplesSeen}, {@code badSamples}, {@code countsByReason}, {@code firstBadSamples}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("samplesSeen", samplesSeen);
        root.put("badSamples", badSamples());
        ObjectNode counts = root.putObject("countsByReason");
        countsByReason.forEach((reason, count) -> counts.put(reason.name(), count));
        root.put("listLimit", listLimit);
        ArrayNode list = root.putArray("firstBadSamples");
        for (BadSample bad : firstBadSamples) {
            list.addObject()
                    .put("key", bad.key())
                    .put("origin", bad.origin())
                    .put("position", bad.position())
                    .put("reason", bad.reason().name())
                    .put("detail", bad.detail());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }
}
