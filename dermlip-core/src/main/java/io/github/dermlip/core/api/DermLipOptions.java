package io.github.dermlip.core.api;

import ai.djl.Device;
import java.nio.file.Path;

/**
 * How {@link DermLip#load(Path, DermLipOptions)} builds a model; start from {@link #defaults()} and change fields
 * with the {@code with...} methods.
 *
 * @param vocabulary CLIP BPE vocabulary file ({@code bpe_simple_vocab_16e6.txt.gz}), or null for the default
 *     ({@link io.github.dermlip.core.tokenizer.BpeVocabulary#loadDefault()}: an override, else the bundled copy)
 * @param device where the weights live and the model runs, or null for the first GPU when the engine sees one,
 *     else the CPU
 * @param batchSize images or texts per forward pass
 * @param hfTokenizer a Hugging Face {@code tokenizer.json} to use instead of the one in the hub directory, or null;
 *     only used when the config names an {@code hf_tokenizer_name}, or to replace CLIP BPE on purpose
 * @param preprocessThreads threads that decode and preprocess images while the model runs
 */
public record DermLipOptions(Path vocabulary, Device device, int batchSize, Path hfTokenizer, int preprocessThreads) {
    /** Default images or texts per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    /** Checks the sizes. */
    public DermLipOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (preprocessThreads < 1) {
            throw new IllegalArgumentException("preprocess threads must be at least 1, got " + preprocessThreads);
        }
    }

    /** Default vocabulary, automatic device, batches of 32, up to 4 preprocessing threads. */
    public static DermLipOptions defaults() {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return new DermLipOptions(null, null, DEFAULT_BATCH_SIZE, null, threads);
    }

    /** A copy reading CLIP's BPE vocabulary from {@code file}. */
    public DermLipOptions withVocabulary(Path file) {
        return new DermLipOptions(file, device, batchSize, hfTokenizer, preprocessThreads);
    }

    /** A copy running on {@code newDevice} (null: automatic). */
    public DermLipOptions withDevice(Device newDevice) {
        return new DermLipOptions(vocabulary, newDevice, batchSize, hfTokenizer, preprocessThreads);
    }

    /** A copy with another batch size. */
    public DermLipOptions withBatchSize(int size) {
        return new DermLipOptions(vocabulary, device, size, hfTokenizer, preprocessThreads);
    }

    /** A copy tokenizing with the Hugging Face {@code tokenizer.json} at {@code file}. */
    public DermLipOptions withHfTokenizer(Path file) {
        return new DermLipOptions(vocabulary, device, batchSize, file, preprocessThreads);
    }

    /** A copy with another number of preprocessing threads. */
    public DermLipOptions withPreprocessThreads(int threads) {
        return new DermLipOptions(vocabulary, device, batchSize, hfTokenizer, threads);
    }
}
