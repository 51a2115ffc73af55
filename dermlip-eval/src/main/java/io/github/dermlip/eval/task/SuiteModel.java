package io.github.dermlip.eval.task;

import io.github.dermlip.core.hub.ModelReference;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One model of a benchmark suite.
 *
 * @param name display name in the tables
 * @param model the model: a folder, a hub reference or a registry name
 * @param vocab CLIP BPE vocabulary file, or null for the default
 * @param batchSize images or texts per forward pass
 */
public record SuiteModel(String name, ModelReference model, Path vocab, int batchSize) {

    /** Checks the fields. */
    public SuiteModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size of model '" + name + "' must be at least 1, got "
                    + batchSize);
        }
    }
}
