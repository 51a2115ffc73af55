package io.github.dermlip.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.engine.TorchThreads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark suite: training step, image and text encoding, data loading, matmul peak and MFU, each measured
 * for this library and for a PyTorch eager reference in turn, printed as a table and written to
 * {@code OUT/results.md} and {@code OUT/results.json}. With {@code --soak [N]} it instead runs the memory soak
 * ({@link SoakRun}).
 */
@Command(name = "dermlip-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks DermLIP-JVM side by side with a PyTorch eager reference.")
public final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--shared", defaultValue = "../shared/bench",
            description = "Folder with bench-small.json and ViT-B-16.json (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--out", defaultValue = "bench-results",
            description = "Folder for results.md and results.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--rows", split = ",", defaultValue = "train,image,text,loader,e2e,contention,matmul",
            description = "Rows to run, from ${DEFAULT-VALUE}; MFU comes with train.")
    List<String> rows;

    @Option(names = "--threads", defaultValue = "2", description = "libtorch intra-op threads, both sides (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--train-batch", defaultValue = "64", description = "Training batch size (default: ${DEFAULT-VALUE}).")
    int trainBatch;

    @Option(names = "--train-steps", defaultValue = "10", description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int trainSteps;

    @Option(names = "--train-warmup", defaultValue = "3", description = "Untimed warm-up steps (default: ${DEFAULT-VALUE}).")
    int trainWarmup;

    @Option(names = "--train-heap", defaultValue = "512m", description = "Heap of the forked training JVM (default: ${DEFAULT-VALUE}).")
    String trainHeap;

    @Option(names = "--image-batch", defaultValue = "32", description = "Image encoding batch (default: ${DEFAULT-VALUE}).")
    int imageBatch;

    @Option(names = "--text-batch", defaultValue = "256", description = "Text encoding batch (default: ${DEFAULT-VALUE}).")
    int textBatch;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Timed encoding batches for bench-small and text; ViT-B-16 gets 2 (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--loader-images", defaultValue = "512", description = "JPEGs for the loader row (default: ${DEFAULT-VALUE}).")
    int loaderImages;

    @Option(names = "--e2e-images", defaultValue = "512",
            description = "JPEGs of 600 x 450 for the end-to-end rows (default: ${DEFAULT-VALUE}).")
    int endToEndImages;

    @Option(names = "--vocab", description = "CLIP's bpe_simple_vocab_16e6.txt.gz for the classify row"
            + " (default: ../vocab/ beside --shared).")
    Path vocabulary;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with torch for the reference (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--reference-script",
            description = "reference_bench.py (default: benchmarks/python/ or python/ below the working directory).")
    Path referenceScript;

    @Option(names = "--open-clip-src", paramLabel = "DIR",
            description = "An open_clip source tree (with src/open_clip): the peer runs real open_clip for the training,"
                    + " encoding and contention rows instead of reference_bench.py's own CLIP.")
    Path openClipSource;

    @Option(names = "--no-reference", description = "Measure only this library.")
    boolean noReference;

    @Option(names = "--growth", description = "Instead of the table, write the cost-growth curves: OUT/growth.md and"
            + " OUT/growth.png.")
    boolean growth;

    @Option(names = "--soak", arity = "0..1", fallbackValue = "1000", paramLabel = "N",
            description = "Instead of the table, run N (default 1000) training steps of a tiny model and print RSS and live NDArrays.")
    Integer soak;

    /** Runs the command line. */
    public static void main(String[] args) {
        TorchThreads.prepare();
        int exit = new CommandLine(new BenchCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (soak != null) {
            return new ForkedJvm(SoakRun.JVM_OPTIONS, 1).runShowingOutput(SoakRun.class, List.of(Integer.toString(soak)));
        }
        BenchSettings settings;
        try {
            settings = new BenchSettings(shared.resolve("bench-small.json"), shared.resolve("ViT-B-16.json"),
                    new LinkedHashSet<>(rows), threads, trainBatch, trainSteps, trainWarmup,
                    List.of("-Xmx" + trainHeap, "-XX:+UseSerialGC"), imageBatch, textBatch, repeats, loaderImages,
                    endToEndImages, vocabulary != null ? vocabulary
                            : shared.toAbsolutePath().resolveSibling("vocab").resolve("bpe_simple_vocab_16e6.txt.gz"));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        if (growth) {
            GrowthBench.run(settings, out);
            return 0;
        }
        List<String> notes = new ArrayList<>();
        ResultTable result = new BenchSuite(settings, reference(notes), notes).run();
        write(result);
        return 0;
    }

    private PythonReference reference(List<String> notes) throws InterruptedException {
        if (noReference) {
            notes.add("PyTorch reference not run (--no-reference)");
            return null;
        }
        Path script = referenceScript != null ? referenceScript
                : Files.isRegularFile(Path.of("benchmarks/python/reference_bench.py"))
                        ? Path.of("benchmarks/python/reference_bench.py") : Path.of("python/reference_bench.py");
        try {
            return PythonReference.locate(python, script, openClipSource);
        } catch (IllegalStateException e) {
            notes.add("PyTorch reference not available, only our figures are shown: " + e.getMessage());
            BenchSuite.progress("no PyTorch reference: " + e.getMessage());
            return null;
        }
    }

    private void write(ResultTable result) throws IOException {
        String markdown = result.markdown();
        System.out.println(markdown);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("results.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.toJson()), StandardCharsets.UTF_8);
        BenchSuite.progress("wrote " + out.resolve("results.md") + " and " + out.resolve("results.json"));
    }
}
