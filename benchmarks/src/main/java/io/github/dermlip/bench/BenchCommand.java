package io.github.dermlip.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
    private static final List<String> ALL_ROWS = List.of("train", "image", "text", "loader", "matmul");
    private static final long JPEG_SEED = 11;
    private static final int JPEG_SIZE = 256;

    @Option(names = "--shared", defaultValue = "../shared/bench",
            description = "Folder with bench-small.json and ViT-B-16.json (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--out", defaultValue = "bench-results",
            description = "Folder for results.md and results.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--rows", split = ",", defaultValue = "train,image,text,loader,matmul",
            description = "Rows to run, from ${DEFAULT-VALUE}; MFU needs train and matmul.")
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

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with torch for the reference (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--reference-script",
            description = "reference_bench.py (default: benchmarks/python/ or python/ below the working directory).")
    Path referenceScript;

    @Option(names = "--no-reference", description = "Measure only this library.")
    boolean noReference;

    @Option(names = "--soak", arity = "0..1", fallbackValue = "1000", paramLabel = "N",
            description = "Instead of the table, run N (default 1000) training steps of a tiny model and print RSS and live NDArrays.")
    Integer soak;

    /** Runs the command line. */
    public static void main(String[] args) {
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
        ForkedJvm fork = new ForkedJvm(List.of("-Xmx" + trainHeap, "-XX:+UseSerialGC"), threads);
        Set<String> selected = new LinkedHashSet<>(rows);
        if (!ALL_ROWS.containsAll(selected)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rows must be among " + ALL_ROWS + ", got " + rows);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        Path smallFile = shared.resolve("bench-small.json");
        Path largeFile = shared.resolve("ViT-B-16.json");
        ModelConfig small = OpenClipConfigReader.read(smallFile).model();
        ModelConfig large = OpenClipConfigReader.read(largeFile).model();
        List<String> notes = new ArrayList<>();
        double loadBefore = LoadAverage.oneMinute();
        PythonReference reference = reference(notes);
        List<String> common = List.of("--small", smallFile.toString(), "--large", largeFile.toString(),
                "--threads", Integer.toString(threads), "--train-batch", Integer.toString(trainBatch),
                "--steps", Integer.toString(trainSteps), "--warmup", Integer.toString(trainWarmup),
                "--image-batch", Integer.toString(imageBatch), "--text-batch", Integer.toString(textBatch),
                "--repeats", Integer.toString(repeats));
        List<Measurement> table = new ArrayList<>();
        TrainingResult training = null;
        JsonNode referenceTraining = null;
        if (selected.contains("train")) {
            progress("training step: ours (forked JVM, -Xmx" + trainHeap + ")");
            training = trainOurs(fork, smallFile);
            referenceTraining = runReference(reference, common, "train", null);
            table.add(row(Keys.TRAIN_SAMPLES, "Training step (bench-small, batch " + trainBatch + ", "
                    + small.vision().imageSize() + " px, AdamW + ClipLoss)", "samples/s", training.samplesPerSecond(),
                    referenceTraining));
            table.add(row(Keys.TRAIN_PEAK_RSS, "Training peak RSS (own process)", "MiB (lower is better)",
                    training.peakRssMib(), referenceTraining));
            notes.add(phases("ours", training.medianStep().total(), training.medianStep().forwardBackward(),
                    training.medianStep().clip(), training.medianStep().optimizer()));
            if (referenceTraining != null) {
                notes.add(phases("PyTorch", referenceTraining.get("train_step_s").asDouble(),
                        referenceTraining.get("train_forward_backward_s").asDouble(),
                        referenceTraining.get("train_clip_s").asDouble(),
                        referenceTraining.get("train_optimizer_s").asDouble()));
            }
        }
        if (selected.contains("image")) {
            progress("image encoding: ours");
            double oursSmall = EncodingBench.imagesPerSecond(small, imageBatch, repeats);
            double oursLarge = EncodingBench.imagesPerSecond(large, imageBatch, 2);
            JsonNode ref = runReference(reference, common, "image", null);
            table.add(row(Keys.IMAGE_SMALL, "Image encoding, bench-small, batch " + imageBatch, "images/s", oursSmall, ref));
            table.add(row(Keys.IMAGE_LARGE, "Image encoding, ViT-B-16, batch " + imageBatch, "images/s", oursLarge, ref));
        }
        if (selected.contains("text")) {
            progress("text encoding: ours");
            double ours = EncodingBench.captionsPerSecond(small, textBatch, repeats);
            JsonNode ref = runReference(reference, common, "text", null);
            table.add(row(Keys.TEXT, "Text encoding, bench-small, batch " + textBatch + " (10-40 tokens)", "captions/s",
                    ours, ref));
        }
        if (selected.contains("loader")) {
            loaderRows(reference, common, small.vision().imageSize(), table);
        }
        Double referencePeak = null;
        if (selected.contains("matmul")) {
            progress("fp32 matmul peak: ours");
            double ours;
            try (NDManager manager = NDManager.newBaseManager()) {
                ours = MatmulPeak.gflops(manager, 2048, 10);
            }
            JsonNode ref = runReference(reference, common, "matmul", null);
            Measurement peak = row(Keys.MATMUL, "fp32 matmul peak (2048 x 2048, " + threads + " threads)", "GFLOP/s", ours, ref);
            table.add(peak);
            referencePeak = peak.reference();
            if (training != null) {
                table.add(2, mfu(small, training, referenceTraining, ours, referencePeak, notes));
            }
        }
        notes.add(0, String.format(Locale.ROOT, "load average (1 min) %.2f before, %.2f after, on %d CPUs; %d intra-op"
                + " threads each side; libtorch %s (DJL) vs torch %s", loadBefore, LoadAverage.oneMinute(),
                Runtime.getRuntime().availableProcessors(), threads, Engine.getEngine("PyTorch").getVersion(),
                reference == null ? "n/a" : reference.torchVersion()));
        ResultTable result = new ResultTable(table, Targets.check(table), notes);
        write(result);
        return 0;
    }

    private TrainingResult trainOurs(ForkedJvm fork, Path config) throws IOException, InterruptedException {
        List<String> lines = fork.output(TrainingBench.class, List.of(config.toAbsolutePath().toString(),
                Integer.toString(trainBatch), Integer.toString(trainWarmup), Integer.toString(trainSteps)));
        for (String line : lines) {
            if (line.startsWith(TrainingBench.RESULT_PREFIX)) {
                return TrainingBench.fromJson(line.substring(TrainingBench.RESULT_PREFIX.length()));
            }
        }
        throw new IllegalStateException("the forked training JVM printed no result line");
    }

    private void loaderRows(PythonReference reference, List<String> common, int imageSize, List<Measurement> table)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dermlip-bench-jpegs");
        try {
            progress("data loader: writing " + loaderImages + " JPEGs of " + JPEG_SIZE + " px to " + dir);
            List<String> files = JpegCorpus.write(dir, loaderImages, JPEG_SIZE, JPEG_SEED);
            progress("data loader: ours");
            double one = LoaderBench.imagesPerSecond(dir, files, imageSize, 1, trainBatch);
            double two = LoaderBench.imagesPerSecond(dir, files, imageSize, 2, trainBatch);
            JsonNode ref = runReference(reference, common, "loader", dir);
            String what = "Data loader (" + JPEG_SIZE + " px JPEG, decode + RandomResizedCrop + normalize to "
                    + imageSize + " px), ";
            table.add(row(Keys.LOADER_1, what + "1 worker", "images/s", one, ref));
            table.add(row(Keys.LOADER_2, what + "2 workers", "images/s", two, ref));
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private Measurement mfu(ModelConfig small, TrainingResult training, JsonNode referenceTraining, double peak,
            Double referencePeak, List<String> notes) {
        int textTokens = SyntheticInputs.longestCaption(trainBatch);
        long flops = ClipFlops.trainingStep(small, trainBatch, textTokens);
        double ours = 100 * flops * training.samplesPerSecond() / trainBatch / (peak * 1e9);
        Double ref = null;
        if (referenceTraining != null && referencePeak != null) {
            ref = 100 * flops * referenceTraining.get(Keys.TRAIN_SAMPLES).asDouble() / trainBatch / (referencePeak * 1e9);
        }
        notes.add(String.format(Locale.ROOT, "MFU: %.1f GFLOP per training step (3 x forward matmul FLOPs, text tower"
                + " over the batch's longest caption, %d tokens), divided by each side's own measured matmul peak",
                flops / 1e9, textTokens));
        return new Measurement(Keys.TRAIN_MFU, "Training MFU (model FLOPs / matmul peak)", "%", ours, ref);
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
            return PythonReference.locate(python, script);
        } catch (IllegalStateException e) {
            notes.add("PyTorch reference not available, only our figures are shown: " + e.getMessage());
            progress("no PyTorch reference: " + e.getMessage());
            return null;
        }
    }

    private static JsonNode runReference(PythonReference reference, List<String> common, String rowName, Path jpegs)
            throws IOException, InterruptedException {
        if (reference == null) {
            return null;
        }
        progress(rowName + ": PyTorch eager reference");
        List<String> args = new ArrayList<>(common);
        args.add("--rows");
        args.add(rowName);
        if (jpegs != null) {
            args.add("--jpegs");
            args.add(jpegs.toString());
        }
        return reference.run(args);
    }

    private static Measurement row(String key, String name, String unit, double ours, JsonNode reference) {
        Double ref = reference == null || !reference.has(key) ? null : reference.get(key).asDouble();
        return new Measurement(key, name, unit, ours, ref);
    }

    private static String phases(String side, double step, double forwardBackward, double clip, double optimizer) {
        return String.format(Locale.ROOT, "training step phases, %s (median s): step %.3f = forward+backward %.3f"
                + " + clip %.3f + AdamW %.3f + rest %.3f", side, step, forwardBackward, clip, optimizer,
                step - forwardBackward - clip - optimizer);
    }

    private void write(ResultTable result) throws IOException {
        String markdown = result.markdown();
        System.out.println(markdown);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("results.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.toJson()), StandardCharsets.UTF_8);
        progress("wrote " + out.resolve("results.md") + " and " + out.resolve("results.json"));
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
