package io.github.dermlip.bench;

import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.engine.TorchThreads;
import java.util.List;
import java.util.Locale;

/**
 * The memory soak ({@code --soak N}): {@code N} training steps of a tiny CLIP with the same
 * {@link BenchTrainingStep} as the training row, printing the resident memory and the live NDArray count at
 * twenty evenly spaced steps, then whether both stayed flat.
 *
 * <p>Flat means the same number of live arrays at every report, and resident memory at the last report at most
 * {@value #RSS_TOLERANCE_PERCENT}% above the report that ends the warm-up (the first {@value #WARMUP_REPORTS}
 * reports, a fifth of the run, during which the JIT compiler, the code cache and the native allocator's pools
 * grow to their working size). The least-squares slope of resident memory after the warm-up is printed as well,
 * in MiB per 1000 steps: a leak of even 0.1 MiB per step shows there as +100.
 *
 * <p>Runs in a JVM of its own ({@link #JVM_OPTIONS}: a heap touched in full at start-up, so that the resident
 * figure moves only with native memory) on one libtorch thread (the soak is about memory, and one thread keeps a
 * thousand small steps quick on a busy machine); exits with status 1 when memory did not stay flat.
 */
public final class SoakRun {
    /** Options of the soak's JVM: a fixed 128 MiB heap whose pages are all touched before the first step. */
    public static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch",
            "-XX:+UseSerialGC");
    /** Resident-memory growth tolerated from the end of the warm-up to the last report, in percent. */
    public static final double RSS_TOLERANCE_PERCENT = 5;
    /** Reports that make up the warm-up. */
    public static final int WARMUP_REPORTS = 4;

    private static final int BATCH = 16;
    private static final int REPORTS = 20;
    private static final String TINY_CONFIG = """
            {"embed_dim": 64,
             "vision_cfg": {"image_size": 32, "layers": 2, "width": 64, "patch_size": 8, "head_width": 32},
             "text_cfg": {"context_length": 77, "vocab_size": 1000, "width": 64, "heads": 2, "layers": 2}}""";

    private SoakRun() {}

    /** Entry point of the forked JVM; {@code args[0]} is the number of steps. */
    public static void main(String[] args) {
        TorchThreads.prepare();
        int steps = Integer.parseInt(args[0]);
        if (steps < REPORTS) {
            throw new IllegalArgumentException("--soak needs at least " + REPORTS + " steps, got " + steps);
        }
        System.exit(run(steps) ? 0 : 1);
    }

    /** Runs the soak, printing as it goes; returns whether memory stayed flat. */
    static boolean run(int steps) {
        ModelConfig config = OpenClipConfigReader.parse(TINY_CONFIG, "soak model").model();
        float[] pixels = SyntheticInputs.pixels(BATCH, config.vision().imageSize(), 3);
        long[] ids = SyntheticInputs.captionIds(BATCH, config.text().contextLength(), config.text().vocabSize(), 3);
        int interval = steps / REPORTS;
        int[] reportedSteps = new int[REPORTS];
        double[] rss = new double[REPORTS];
        int[] arrays = new int[REPORTS];
        System.out.printf(Locale.ROOT, "soak: %d training steps of a tiny CLIP, batch %d%n", steps, BATCH);
        System.out.printf(Locale.ROOT, "%8s %10s %12s%n", "step", "RSS MiB", "live arrays");
        try (BenchTrainingStep training = new BenchTrainingStep(config, 3)) {
            int report = 0;
            for (int step = 1; report < REPORTS; step++) {
                training.run(pixels, ids, BATCH);
                if (step % interval == 0) {
                    reportedSteps[report] = step;
                    rss[report] = ProcessMemory.residentMib();
                    arrays[report] = NativeArrays.live(training.root());
                    System.out.printf(Locale.ROOT, "%8d %10.1f %12d%n", step, rss[report], arrays[report]);
                    report++;
                }
            }
        }
        boolean arraysConstant = true;
        for (int count : arrays) {
            arraysConstant &= count == arrays[0];
        }
        int base = WARMUP_REPORTS - 1;
        double growth = 100 * (rss[REPORTS - 1] - rss[base]) / rss[base];
        boolean flat = arraysConstant && growth <= RSS_TOLERANCE_PERCENT;
        System.out.printf(Locale.ROOT, "live arrays %s (%d); RSS %.1f MiB at step %d (end of warm-up) -> %.1f MiB at"
                + " step %d (%+.1f%%), slope after warm-up %+.1f MiB per 1000 steps: %s%n",
                arraysConstant ? "constant" : "CHANGED", arrays[0], rss[base], reportedSteps[base], rss[REPORTS - 1],
                reportedSteps[REPORTS - 1], growth, 1000 * slope(reportedSteps, rss, base),
                flat ? "flat" : "NOT FLAT");
        return flat;
    }

    /** Least-squares slope of {@code y} over {@code x} from index {@code from} on. */
    static double slope(int[] x, double[] y, int from) {
        int n = x.length - from;
        double meanX = 0;
        double meanY = 0;
        for (int i = from; i < x.length; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double variance = 0;
        for (int i = from; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            variance += (x[i] - meanX) * (x[i] - meanX);
        }
        return covariance / variance;
    }
}
