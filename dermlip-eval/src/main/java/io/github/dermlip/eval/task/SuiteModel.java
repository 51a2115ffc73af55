package io.github.dermlip.eval.task;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One model of a benchmark suite.
 *
 * @param name display name in the tables
 * @param path the open_clip hub directory
 * @param vocab CLIP BPE vocabulary file, or null for the default location
 * @param batchSize images or texts per forward pass
 */
public record SuiteModel(String name, Path path, Path vocab, int batchSize) {

    /** Checks the fields. */
    public SuiteModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size of model '" + name + "' must be at least 1, got "
                    + batchSize);
        }
    }
}
