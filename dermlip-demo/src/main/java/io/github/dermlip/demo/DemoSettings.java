package io.github.dermlip.demo;

import java.nio.file.Path;

/**
 * Everything the demo can be told, with defaults sized to finish in minutes on two CPU cores.
 *
 * @param out the output folder (data, training run, report)
 * @param seed the seed of the data, the training run and the evaluation
 * @param pretrainPairs SkinSynth image-caption pairs for pretraining
 * @param evalTrain labelled images for the linear-probe training split
 * @param evalTest labelled images for the test split (zero-shot, probes, concepts)
 * @param retrievalPairs held-out image-caption pairs for retrieval
 * @param model the architecture to train: a name from the model catalog or a config file; its vocabulary size is
 *     replaced by the demo's own vocabulary size
 * @param epochs training epochs
 * @param batchSize training batch size
 * @param lr peak learning rate
 * @param merges BPE merges learned from the captions when no CLIP vocabulary is given
 * @param clipVocabulary a CLIP {@code bpe_simple_vocab_16e6.txt.gz} to use instead of learning one, or null
 * @param bootstrap bootstrap resamples for the confidence intervals
 * @param probeSeeds seeds of the linear probes
 * @param workers data-loading threads
 */
public record DemoSettings(Path out, long seed, int pretrainPairs, int evalTrain, int evalTest, int retrievalPairs,
        String model, int epochs, int batchSize, double lr, int merges, Path clipVocabulary, int bootstrap,
        int probeSeeds, int workers) {

    /** The defaults of the README's main-job command. */
    public static DemoSettings defaults() {
        return new DemoSettings(Path.of("demo-output"), 7, 3000, 800, 600, 500, "derm-demo", 20, 64, 1e-3, 1000,
                null, 1000, 3, 2);
    }

    /** Validates the sizes. */
    public DemoSettings {
        if (pretrainPairs < 64 || evalTrain < 16 || evalTest < 16 || retrievalPairs < 10) {
            throw new IllegalArgumentException("demo sizes too small: pretrain " + pretrainPairs + ", eval-train "
                    + evalTrain + ", eval-test " + evalTest + ", retrieval " + retrievalPairs);
        }
        if (epochs < 1 || batchSize < 2 || !(lr > 0) || merges < 0 || bootstrap < 0 || probeSeeds < 1 || workers < 1) {
            throw new IllegalArgumentException("demo training settings out of range: " + this);
        }
    }
}
