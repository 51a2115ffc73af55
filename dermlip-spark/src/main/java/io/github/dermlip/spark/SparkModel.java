package io.github.dermlip.spark;

import ai.djl.Device;
import io.github.dermlip.core.api.DermLipOptions;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * The model a job runs, as it travels to executors: a reference each executor JVM resolves and loads once
 * (per device), plus how to run it.
 *
 * @param reference an open_clip hub directory visible to every executor (a shared path), or the name of one
 *     shipped with the job ({@code --archives model.tgz#model} or {@code --files}); kept as text so that every
 *     reference {@code DermLip.load} learns to accept works here too
 * @param vocabulary CLIP BPE vocabulary path on the executors, or null for core's default location
 * @param batchSize images or texts per forward pass
 * @param decodeThreads threads per task that read and decode the next batch while the model runs
 * @param offline keep DJL offline on executors (no engine download, no tracking); the default
 */
public record SparkModel(String reference, String vocabulary, int batchSize, int decodeThreads, boolean offline)
        implements Serializable {

    /** Checks the reference and sizes. */
    public SparkModel {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("no model reference given");
        }
        if (batchSize < 1 || decodeThreads < 1) {
            throw new IllegalArgumentException("batch size and decode threads must be at least 1, got " + batchSize
                    + " and " + decodeThreads);
        }
    }

    /** A model at {@code reference} with core's default batch size, two decode threads, offline. */
    public static SparkModel of(String reference) {
        return new SparkModel(reference, null, DermLipOptions.DEFAULT_BATCH_SIZE, 2, true);
    }

    /** A copy with another batch size. */
    public SparkModel withBatchSize(int size) {
        return new SparkModel(reference, vocabulary, size, decodeThreads, offline);
    }

    /** A copy reading the CLIP BPE vocabulary from {@code path} on the executors. */
    public SparkModel withVocabulary(String path) {
        return new SparkModel(reference, path, batchSize, decodeThreads, offline);
    }

    /** A copy with another number of decode threads per task. */
    public SparkModel withDecodeThreads(int threads) {
        return new SparkModel(reference, vocabulary, batchSize, threads, offline);
    }

    /** A copy that lets DJL go online on executors (engine downloads), when the user asks for it. */
    public SparkModel withOffline(boolean value) {
        return new SparkModel(reference, vocabulary, batchSize, decodeThreads, value);
    }

    /** The options core loads the model with, on {@code device}. */
    DermLipOptions options(Device device) {
        DermLipOptions options = DermLipOptions.defaults().withBatchSize(batchSize).withDevice(device);
        return vocabulary == null ? options : options.withVocabulary(Path.of(vocabulary));
    }
}
