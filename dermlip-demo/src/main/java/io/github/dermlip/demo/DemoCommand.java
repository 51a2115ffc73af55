package io.github.dermlip.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's main job: {@code mvn -q -pl dermlip-demo exec:java} generates SkinSynth, trains a small CLIP on CPU,
 * evaluates it like a paper and writes a report, with no arguments and no network.
 */
@Command(name = "dermlip-demo", mixinStandardHelpOptions = true, version = "dermlip-demo 0.1.0",
        description = "Generate SkinSynth, train a small CLIP on it, evaluate it and write a report.")
public final class DemoCommand implements Callable<Integer> {
    private final DemoSettings d = DemoSettings.defaults();

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    private Path out = d.out();
    @Option(names = "--seed", description = "Seed of data, training and evaluation (default: ${DEFAULT-VALUE}).")
    private long seed = d.seed();
    @Option(names = "--pretrain", description = "Pretraining image-caption pairs (default: ${DEFAULT-VALUE}).")
    private int pretrain = d.pretrainPairs();
    @Option(names = "--eval-train", description = "Labelled images for probe training (default: ${DEFAULT-VALUE}).")
    private int evalTrain = d.evalTrain();
    @Option(names = "--eval-test", description = "Labelled test images (default: ${DEFAULT-VALUE}).")
    private int evalTest = d.evalTest();
    @Option(names = "--retrieval", description = "Held-out retrieval pairs (default: ${DEFAULT-VALUE}).")
    private int retrieval = d.retrievalPairs();
    @Option(names = "--model", description = "Architecture name or config file (default: ${DEFAULT-VALUE}).")
    private String model = d.model();
    @Option(names = "--epochs", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    private int epochs = d.epochs();
    @Option(names = "--batch-size", description = "Training batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize = d.batchSize();
    @Option(names = "--lr", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    private double lr = d.lr();
    @Option(names = "--merges", description = "BPE merges learned from the captions (default: ${DEFAULT-VALUE}).")
    private int merges = d.merges();
    @Option(names = "--vocab", description = "Use this CLIP bpe_simple_vocab_16e6.txt.gz instead of learning one.")
    private Path vocab;
    @Option(names = "--bootstrap", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    private int bootstrap = d.bootstrap();
    @Option(names = "--probe-seeds", description = "Linear-probe seeds (default: ${DEFAULT-VALUE}).")
    private int probeSeeds = d.probeSeeds();
    @Option(names = "--workers", description = "Data-loading threads (default: ${DEFAULT-VALUE}).")
    private int workers = d.workers();

    private final List<String> args;

    private DemoCommand(List<String> args) {
        this.args = args;
    }

    /** Runs the demo and exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DemoCommand(List.of(args))).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        DemoSettings settings = new DemoSettings(out, seed, pretrain, evalTrain, evalTest, retrieval, model, epochs,
                batchSize, lr, merges, vocab, bootstrap, probeSeeds, workers);
        DemoResult result = new DemoPipeline(settings, System.out).run(args);
        System.out.println();
        System.out.print(new DemoReport(result).summaryTable(false));
        System.out.printf(Locale.ROOT, "%nReport: %s (training %.0f s, total %.0f s)%n",
                result.out().resolve("report/README.md"), result.trainSeconds(), result.totalSeconds());
        return 0;
    }
}
