package io.github.dermlip.train.data;

/**
 * One skipped sample.
 *
 * @param key the sample's key
 * @param origin the manifest or shard it came from
 * @param position its position in the epoch's order
 * @param reason why it was skipped
 * @param detail the underlying message (file path, decoder error)
 */
public record BadSample(String key, String origin, long position, BadSampleReason reason, String detail) {}
