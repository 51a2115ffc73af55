package io.github.dermlip.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the selected rows, ours then the reference's for each, and collects the table with its target checks and
 * notes. Training runs in a forked JVM ({@link TrainingBench}); the encoding, loader and matmul rows run in this
 * JVM. A reference run that fails leaves that row without a reference figure and a note saying why.
 */
public final class BenchSuite {
    private static final long JPEG_SEED = 11;
    private static final int JPEG_SIZE = 256;
    private static final int MATMUL_SIZE = 2048;
    private static final int MATMUL_REPEATS = 10;
    private static final int LARGE_REPEATS = 2;

    private static final int E2E_WIDTH = 600;
    private static final int E2E_HEIGHT = 450;

    private final BenchSettings settings;
    private final PythonReference reference;
    private final ModelConfig small;
    private final ModelConfig large;
    private final List<Measurement> table = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The peer the rows run, once its matmul peak has passed {@link PeerCheck}; null otherwise. */
    private PythonReference peer;
    private double ourPeak;
    private double peerPeak;
    private TrainingResult training;
    private Double largeImages;
    private Double referenceLargeImages;
    private JsonNode referenceTraining;

    /**
     * A suite for {@code settings}.
     *
     * @param reference the PyTorch peer, or {@code null} to measure only this library
     * @param setupNotes notes gathered before the run (e.g. why there is no reference)
     */
    public BenchSuite(BenchSettings settings, PythonReference reference, List<String> setupNotes) {
        this.settings = settings;
        this.reference = reference;
        this.small = OpenClipConfigReader.read(settings.smallConfig()).model();
        this.large = OpenClipConfigReader.read(settings.largeConfig()).model();
        notes.addAll(setupNotes);
    }

    /** Runs every selected row and returns the results. */
    public ResultTable run() throws IOException, InterruptedException {
        configureEngine(settings.threads());
        double loadBefore = LoadAverage.oneMinute();
        checkPeer();
        if (settings.rows().contains("train")) {
            trainingRows();
        }
        if (settings.rows().contains("image")) {
            imageRows();
        }
        if (settings.rows().contains("text")) {
            textRow();
        }
        if (settings.rows().contains("loader")) {
            loaderRows();
        }
        if (settings.rows().contains("e2e")) {
            endToEndRows();
        }
        if (settings.rows().contains("contention")) {
            contentionRows();
        }
        matmulAndMfuRows();
        notes.add(0, String.format(Locale.ROOT, "load average (1 min) %.2f before, %.2f after, on %d CPUs; %d intra-op"
                + " threads each side; libtorch %s (DJL) vs torch %s", loadBefore, LoadAverage.oneMinute(),
                Runtime.getRuntime().availableProcessors(), settings.threads(), Engine.getEngine("PyTorch").getVersion(),
                reference == null ? "n/a" : reference.torchVersion()));
        return new ResultTable(table, Targets.check(table), notes);
    }

    private void trainingRows() throws IOException, InterruptedException {
        progress("training step: ours (forked JVM " + settings.trainJvmOptions() + ")");
        ForkedJvm fork = new ForkedJvm(settings.trainJvmOptions(), settings.threads());
        List<String> lines = fork.output(TrainingBench.class, List.of(settings.smallConfig().toAbsolutePath().toString(),
                Integer.toString(settings.trainBatch()), Integer.toString(settings.trainWarmup()),
                Integer.toString(settings.trainSteps())));
        training = TrainingBench.resultOf(lines);
        referenceTraining = reference("train", null);
        table.add(row(Keys.TRAIN_SAMPLES, "Training step (bench-small, batch " + settings.trainBatch() + ", "
                + small.vision().imageSize() + " px, AdamW + ClipLoss)", "samples/s", training.samplesPerSecond(),
                referenceTraining));
        table.add(row(Keys.TRAIN_PEAK_RSS, "Training peak RSS (own process)", "MiB (lower is better)",
                training.peakRssMib(), referenceTraining));
        StepTimes median = training.medianStep();
        notes.add(phases("ours", median.total(), median.forwardBackward(), median.clip(), median.optimizer(),
                training.fastestStep()));
        if (referenceTraining != null) {
            notes.add(phases("PyTorch", referenceTraining.get("train_step_s").asDouble(),
                    referenceTraining.get("train_forward_backward_s").asDouble(),
                    referenceTraining.get("train_clip_s").asDouble(),
                    referenceTraining.get("train_optimizer_s").asDouble(),
                    referenceTraining.get("train_fastest_step_s").asDouble()));
        }
    }

    private void imageRows() throws IOException, InterruptedException {
        progress("image encoding: ours");
        int batch = settings.imageBatch();
        double oursSmall = EncodingBench.imagesPerSecond(small, batch, settings.repeats());
        double oursLarge = EncodingBench.imagesPerSecond(large, batch, LARGE_REPEATS);
        JsonNode ref = reference("image", null);
        table.add(row(Keys.IMAGE_SMALL, "Image encoding, bench-small, batch " + batch, "images/s", oursSmall, ref));
        table.add(row(Keys.IMAGE_LARGE, "Image encoding, ViT-B-16, batch " + batch, "images/s", oursLarge, ref));
        largeImages = oursLarge;
        referenceLargeImages = ref == null ? null : ref.get(Keys.IMAGE_LARGE).asDouble();
    }

    /**
     * Measures our matmul peak and, with a peer, asks for its torch, BLAS and peak; a peer under half of our peak
     * is not run (no ratio is quoted), with a note saying why and how to fix it.
     */
    private void checkPeer() throws IOException, InterruptedException {
        progress("fp32 matmul peak: ours");
        try (NDManager manager = NDManager.newBaseManager()) {
            ourPeak = MatmulPeak.gflops(manager, MATMUL_SIZE, MATMUL_REPEATS);
        }
        peer = reference;
        JsonNode info = reference("info", null);
        if (info == null) {
            peer = null;
            return;
        }
        PeerCheck check = PeerCheck.of(info, ourPeak);
        peerPeak = check.peerPeakGflops();
        notes.add(check.description());
        progress(check.description());
        if (!check.fullSpeed()) {
            notes.add(check.refusal());
            progress(check.refusal());
            peer = null;
        }
    }

    private void endToEndRows() throws IOException {
        Path dir = Files.createTempDirectory("dermlip-bench-e2e");
        try {
            progress("end-to-end: writing " + settings.endToEndImages() + " JPEGs of " + E2E_WIDTH + " x " + E2E_HEIGHT);
            List<Path> files = JpegCorpus.write(dir, settings.endToEndImages(), E2E_WIDTH, E2E_HEIGHT, JPEG_SEED).stream()
                    .map(dir::resolve).toList();
            BpeVocabulary vocabulary = BpeVocabulary.load(settings.vocabulary());
            endToEndRows("bench-small", settings.smallConfig(), vocabulary, files, Keys.E2E_EMBED_SMALL,
                    Keys.E2E_SHARE_SMALL, Keys.E2E_CLASSIFY_SMALL);
            endToEndRows("ViT-B-16", settings.largeConfig(), vocabulary, files, Keys.E2E_EMBED_LARGE,
                    Keys.E2E_SHARE_LARGE, Keys.E2E_CLASSIFY_LARGE);
        } finally {
            deleteTree(dir);
        }
    }

    private void endToEndRows(String name, Path configFile, BpeVocabulary vocabulary, List<Path> files, String embedKey,
            String shareKey, String classifyKey) throws IOException {
        progress("end-to-end: " + name);
        OpenClipConfig config = OpenClipConfigReader.read(configFile);
        int batch = settings.imageBatch();
        EndToEndBench e2e = EndToEndBench.measure(config, new ClipBpeTokenizer(vocabulary,
                config.model().text().contextLength()), files, batch);
        String what = String.format(Locale.ROOT, ", %s, %d JPEGs of %d x %d, batch %d", name, files.size(), E2E_WIDTH,
                E2E_HEIGHT, batch);
        table.add(new Measurement(embedKey, "End-to-end embed (files in, embeddings out)" + what, "images/s",
                e2e.embedPerSecond(), null));
        table.add(new Measurement(shareKey, "End-to-end embed / pure forward rate (" + ResultTable.number(
                e2e.forwardPerSecond()) + " images/s)" + what, "%", 100 * e2e.embedShare(), null));
        table.add(new Measurement(classifyKey, "End-to-end zero-shot classify (files in, classes out)" + what,
                "images/s", e2e.classifyPerSecond(), null));
    }

    private void contentionRows() throws IOException, InterruptedException {
        ContentionBench contention = ContentionBench.run(settings, peer);
        table.add(new Measurement(Keys.CONTENTION_SLOWDOWN, "Training slowdown with one core busy (bench-small, batch "
                + settings.trainBatch() + "; idle / busy samples/s)", "x (lower is better)", contention.oursSlowdown(),
                contention.peerSlowdown()));
        notes.add(contention.note());
    }

    private void textRow() throws IOException, InterruptedException {
        progress("text encoding: ours");
        double ours = EncodingBench.captionsPerSecond(small, settings.textBatch(), settings.repeats());
        JsonNode ref = reference("text", null);
        table.add(row(Keys.TEXT, "Text encoding, bench-small, batch " + settings.textBatch() + " ("
                + SyntheticInputs.MIN_CAPTION_TOKENS + "-" + SyntheticInputs.MAX_CAPTION_TOKENS + " tokens)",
                "captions/s", ours, ref));
    }

    private void loaderRows() throws IOException, InterruptedException {
        int imageSize = small.vision().imageSize();
        Path dir = Files.createTempDirectory("dermlip-bench-jpegs");
        try {
            progress("data loader: writing " + settings.loaderImages() + " JPEGs of " + JPEG_SIZE + " px to " + dir);
            List<String> files = JpegCorpus.write(dir, settings.loaderImages(), JPEG_SIZE, JPEG_SEED);
            progress("data loader: ours");
            double one = LoaderBench.imagesPerSecond(dir, files, imageSize, 1, settings.trainBatch());
            double two = LoaderBench.imagesPerSecond(dir, files, imageSize, 2, settings.trainBatch());
            JsonNode ref = reference("loader", dir);
            String what = "Data loader (" + JPEG_SIZE + " px JPEG, decode + RandomResizedCrop + normalize to "
                    + imageSize + " px), ";
            table.add(row(Keys.LOADER_1, what + "1 worker", "images/s", one, ref));
            table.add(row(Keys.LOADER_2, what + "2 workers", "images/s", two, ref));
        } finally {
            deleteTree(dir);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The matmul row (the best of the run's first measurement, its own and the training process's), MFU after a
     * training row and the ViT-B-16 encoding's share of the peak after an image row, each side against its own.
     */
    private void matmulAndMfuRows() throws IOException, InterruptedException {
        double peak = Math.max(ourPeak, training == null ? 0 : training.matmulPeakGflops());
        double bestPeerPeak = peer == null ? 0 : Math.max(peerPeak,
                referenceTraining == null ? 0 : referenceTraining.get("train_matmul_gflops").asDouble());
        if (settings.rows().contains("matmul")) {
            progress("fp32 matmul peak: ours");
            try (NDManager manager = NDManager.newBaseManager()) {
                peak = Math.max(peak, MatmulPeak.gflops(manager, MATMUL_SIZE, MATMUL_REPEATS));
            }
            JsonNode ref = reference("matmul", null);
            if (ref != null) {
                bestPeerPeak = Math.max(bestPeerPeak, ref.get(Keys.MATMUL).asDouble());
            }
        }
        Double referencePeak = peer == null ? null : bestPeerPeak;
        if (settings.rows().contains("matmul")) {
            table.add(new Measurement(Keys.MATMUL, "fp32 matmul peak (" + MATMUL_SIZE + " x " + MATMUL_SIZE + ", "
                    + settings.threads() + " threads; best at the start, in this row and in the training process)",
                    "GFLOP/s", peak, referencePeak));
        }
        if (training != null) {
            table.add(2, mfu(peak, referencePeak));
        }
        if (largeImages != null) {
            long flops = ClipFlops.imageTower(large.vision(), large.embedDim());
            Double ref = referenceLargeImages == null || referencePeak == null ? null
                    : 100 * referenceLargeImages * flops / (referencePeak * 1e9);
            table.add(new Measurement(Keys.IMAGE_LARGE_PEAK_SHARE, "Image encoding, ViT-B-16: model FLOP rate / own"
                    + " matmul peak", "%", 100 * largeImages * flops / (peak * 1e9), ref));
        }
    }

    private Measurement mfu(double peak, Double referencePeak) {
        int batch = settings.trainBatch();
        int textTokens = SyntheticInputs.longestCaption(batch);
        long flops = ClipFlops.trainingStep(small, batch, textTokens);
        double ours = 100 * flops * training.samplesPerSecond() / batch / (peak * 1e9);
        Double ref = null;
        if (referenceTraining != null && referencePeak != null) {
            ref = 100 * flops * referenceTraining.get(Keys.TRAIN_SAMPLES).asDouble() / batch / (referencePeak * 1e9);
        }
        notes.add(String.format(Locale.ROOT, "MFU: %.1f GFLOP per training step (3 x forward matmul FLOPs, text tower"
                + " over the batch's longest caption, %d tokens), divided by each side's own fp32 matmul peak, the best"
                + " rate measured in its training process (just before and after the steps) or in the matmul row",
                flops / 1e9, textTokens));
        return new Measurement(Keys.TRAIN_MFU, "Training MFU (model FLOPs / matmul peak)", "%", ours, ref);
    }

    /** The reference's figures for {@code rowName}, or {@code null} without a reference or when it failed. */
    private JsonNode reference(String rowName, Path jpegs) throws IOException, InterruptedException {
        if (peer == null) {
            return null;
        }
        progress(rowName + ": PyTorch eager reference");
        List<String> args = new ArrayList<>(settings.referenceArguments());
        args.add("--rows");
        args.add(rowName);
        if (jpegs != null) {
            args.add("--jpegs");
            args.add(jpegs.toString());
        }
        try {
            return peer.run(args);
        } catch (IllegalStateException e) {
            notes.add("PyTorch reference failed for the " + rowName + " row: " + e.getMessage());
            progress("reference failed: " + e.getMessage());
            return null;
        }
    }

    private static Measurement row(String key, String name, String unit, double ours, JsonNode reference) {
        Double ref = reference == null || !reference.has(key) ? null : reference.get(key).asDouble();
        return new Measurement(key, name, unit, ours, ref);
    }

    private static String phases(String side, double step, double forwardBackward, double clip, double optimizer,
            double fastest) {
        return String.format(Locale.ROOT, "training step phases, %s (median s, each phase on its own): step %.3f,"
                + " forward+backward %.3f, clip %.3f, AdamW %.3f; fastest step %.3f s", side, step, forwardBackward,
                clip, optimizer, fastest);
    }

    /** libtorch's threads for this JVM, read by DJL when the engine starts (the forked JVMs get the same). */
    static void configureEngine(int threads) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
    }

    static void progress(String message) {
        System.err.println("[bench] " + message);
    }
}
