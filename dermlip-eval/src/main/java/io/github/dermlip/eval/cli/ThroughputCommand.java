package io.github.dermlip.eval.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.api.ModelFolder;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.image.EvalTransform;
import io.github.dermlip.core.image.ImageDecoder;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.tokenizer.ModelTokenizers;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code throughput}: how fast the inference pipeline's stages run on this machine, printed as a table.
 *
 * <p>Stages: CLIP BPE tokenization (captions/s, a fresh tokenizer so its word cache starts empty); decoding and
 * preprocessing generated JPEGs (images/s on 1 and 2 threads); {@link DermLip#encodeImages} end to end (files to
 * embeddings) for a model of the named architecture with random weights (images/s, after one small warm-up call);
 * then the image tower alone on one batch of random pixels, for comparison.
 */
@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "Measure tokenization, image decode+preprocess and image encoding throughput.")
final class ThroughputCommand implements Callable<Integer> {
    private static final long SEED = 20250701L;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "ViT-B-16",
            description = "Architecture name or config/hub path; random weights (default: ${DEFAULT-VALUE}).")
    private String model;

    @Option(names = "--vocab", paramLabel = "PATH",
            description = "CLIP BPE vocabulary (default: -Ddermlip.bpe.vocab, $DERMLIP_BPE_VOCAB, else the bundled copy).")
    private Path vocab;

    @Option(names = "--captions", paramLabel = "N", defaultValue = "20000",
            description = "Captions to tokenize (default: ${DEFAULT-VALUE}).")
    private int captions;

    @Option(names = "--images", paramLabel = "N", defaultValue = "96",
            description = "Generated 600x450 JPEGs to decode and preprocess (default: ${DEFAULT-VALUE}).")
    private int images;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
            description = "Batch size of the encoding run (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "2",
            description = "Batches in the encoding run (default: ${DEFAULT-VALUE}).")
    private int batches;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (captions < 1 || images < 1 || batchSize < 1 || batches < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "every count must be at least 1");
        }
        OpenClipConfig config = Files.isDirectory(Path.of(model)) ? ModelFolder.readConfig(Path.of(model))
                : OpenClipConfigReader.resolve(model);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "throughput on %d cores, Java %s, model %s (%d px, random weights)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), model, config.preprocess().size());
        List<Row> rows = new ArrayList<>();

        List<String> texts = BenchmarkInputs.captions(captions, SEED);
        Path named = Path.of(model);
        TextTokenizer tokenizer = ModelTokenizers.forModel(Files.isDirectory(named) ? named
                : named.toAbsolutePath().getParent(), config.model().text(), vocab);
        long start = System.nanoTime();
        for (int i = 0; i < texts.size(); i += 256) {
            tokenizer.encode(texts.subList(i, Math.min(texts.size(), i + 256)));
        }
        rows.add(new Row(config.model().text().hfTokenizerName() == null ? "tokenize (CLIP BPE, cold word cache)"
                : "tokenize (Hugging Face " + config.model().text().hfTokenizerName() + ")", texts.size(), "captions", System.nanoTime() - start));

        Path dir = Files.createTempDirectory("dermlip-throughput");
        try {
            int encoded = batchSize * batches;
            List<Path> files = BenchmarkInputs.writeJpegs(dir, Math.max(images, encoded), 600, 450, SEED);
            EvalTransform transform = new EvalTransform(config.preprocess());
            List<Path> decodeSet = files.subList(0, images);
            preprocessAll(decodeSet.subList(0, Math.min(16, images)), transform, 2);
            for (int threads = 1; threads <= 2; threads++) {
                long t = preprocessAll(decodeSet, transform, threads);
                rows.add(new Row("decode+preprocess JPEG 600x450, " + threads + (threads == 1 ? " thread" : " threads"),
                        images, "images", t));
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                ClipModel clip = ClipModel.create(config.model(), manager);
                clip.freezeParameters(true);
                DermLipOptions options = DermLipOptions.defaults().withBatchSize(batchSize).withPreprocessThreads(2);
                try (DermLip lip = DermLip.fromModel(clip, config, tokenizer, manager, options)) {
                    lip.encodeImages(files.subList(0, 2), true);
                    String device = lip.device().getDeviceType();
                    long t0 = System.nanoTime();
                    lip.encodeImages(files.subList(0, encoded), true);
                    rows.add(new Row("encodeImages " + model + ", batch " + batchSize + ", " + device, encoded,
                            "images", System.nanoTime() - t0));
                    rows.add(new Row("model forward only, batch " + batchSize + ", " + device, batchSize, "images",
                            forwardOnly(clip, manager, batchSize, config.preprocess().size())));
                }
            }
        } finally {
            deleteTree(dir);
        }
        out.println(Row.header());
        rows.forEach(r -> out.println(r.format()));
        out.flush();
        return 0;
    }

    /** Nanoseconds of one {@code encodeImage} call on a batch of random pixels, the input already on the device. */
    private static long forwardOnly(ClipModel clip, NDManager manager, int batch, int size) {
        try (NDManager step = manager.newSubManager()) {
            NDArray pixels = step.randomNormal(new Shape(batch, 3, size, size));
            long start = System.nanoTime();
            clip.encodeImage(pixels).toFloatArray();
            return System.nanoTime() - start;
        }
    }

    /** Decodes and preprocesses every file on a pool of {@code threads}; returns the elapsed nanoseconds. */
    private static long preprocessAll(List<Path> files, EvalTransform transform, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<float[]>> results = new ArrayList<>(files.size());
            for (Path f : files) {
                results.add(pool.submit(() -> transform.apply(ImageDecoder.decode(f))));
            }
            for (Future<float[]> r : results) {
                r.get();
            }
            return System.nanoTime() - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("preprocessing a generated image failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One measured stage. */
    private record Row(String stage, int items, String unit, long nanos) {
        static String header() {
            return String.format(Locale.ROOT, "%-58s %8s %10s %12s", "stage", "items", "seconds", "items/s");
        }

        String format() {
            double seconds = nanos / 1e9;
            return String.format(Locale.ROOT, "%-58s %8d %10.3f %12.1f  %s/s", stage, items, seconds,
                    items / seconds, unit);
        }
    }
}
