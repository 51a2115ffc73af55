package io.github.dermlip.spark.cli;

import io.github.dermlip.spark.SparkModel;
import picocli.CommandLine.Option;

/** The model and how executors run it, shared by the commands that run a model. */
final class ModelOptions {
    @Option(names = "--model", required = true, paramLabel = "DIR|NAME",
            description = "open_clip hub directory every executor can read, or the name of one shipped with"
                    + " --archives model.tgz#NAME.")
    String model;

    @Option(names = "--vocab", paramLabel = "PATH",
            description = "CLIP BPE vocabulary on the executors; default: -Ddermlip.bpe.vocab, $DERMLIP_BPE_VOCAB or"
                    + " ~/.cache/dermlip/.")
    String vocab;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Images or texts per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--decode-threads", paramLabel = "N", defaultValue = "2",
            description = "Threads per task reading and decoding the next batch (default: ${DEFAULT-VALUE}).")
    int decodeThreads;

    @Option(names = "--djl-online", description = "Let DJL go online on executors (default: offline).")
    boolean online;

    /** The model as executors load it. */
    SparkModel spec() {
        SparkModel spec = SparkModel.of(model).withBatchSize(batchSize).withDecodeThreads(decodeThreads)
                .withOffline(!online);
        return vocab == null ? spec : spec.withVocabulary(vocab);
    }
}
