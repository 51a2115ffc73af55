package io.github.dermlip.bench;

import java.util.Objects;

/**
 * One row of the benchmark table: our figure and, when the reference ran, the PyTorch eager one.
 *
 * @param key stable identifier used in the JSON output, e.g. {@code train_samples_per_s}
 * @param name what was measured, for people
 * @param unit the unit of both figures
 * @param ours our figure
 * @param reference the reference's figure, or {@code null} when it did not run
 */
public record Measurement(String key, String name, String unit, double ours, Double reference) {

    /** Checks that the texts are present. */
    public Measurement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }

    /** {@code ours / reference}, or {@code null} without a (nonzero) reference figure. */
    public Double ratio() {
        return reference == null || reference == 0 ? null : ours / reference;
    }
}
