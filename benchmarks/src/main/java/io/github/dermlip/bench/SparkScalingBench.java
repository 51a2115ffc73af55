package io.github.dermlip.bench;

import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.image.ImageLimits;
import io.github.dermlip.spark.ImageEmbedder;
import io.github.dermlip.spark.SparkModel;
import io.github.dermlip.synth.DatasetLayout;
import io.github.dermlip.synth.SkinSynthOptions;
import io.github.dermlip.synth.SkinSynthWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Images per second of dermlip-spark's image embedding on the same SkinSynth images in {@code local[1]} and
 * {@code local[2]}, against a plain single-JVM {@link DermLip#encodeImages} loop; prints Spark's overhead at
 * {@code local[1]} (target: within {@value #OVERHEAD_TARGET_PERCENT}%) and the scaling efficiency of
 * {@code local[2]}. Each mode is timed over a full pass after a warm-up that loads the model (the plain loop twice,
 * first and last, keeping the better); run with one libtorch
 * thread per task ({@code exec:exec@spark-scaling} does) so that the rates are per core.
 */
@Command(name = "spark-scaling", mixinStandardHelpOptions = true,
        description = "dermlip-spark images/s at local[1] and local[2] against a plain DermLip loop.")
public final class SparkScalingBench implements Callable<Integer> {
    /** Spark's largest acceptable slowdown against the plain loop at local[1]. */
    static final int OVERHEAD_TARGET_PERCENT = 15;

    private static final StructType PATHS = new StructType().add("filepath", DataTypes.StringType, false);

    @Option(names = "--model", paramLabel = "DIR", description = "open_clip hub directory (default: the shared"
            + " tiny-gelu fixture).")
    private Path model;

    @Option(names = "--vocab", paramLabel = "PATH", description = "CLIP BPE vocabulary (default: the shared one).")
    private Path vocab;

    @Option(names = "--images", defaultValue = "2000", description = "SkinSynth images (default: ${DEFAULT-VALUE}).")
    private int images;

    @Option(names = "--image-size", defaultValue = "128", description = "Image side (default: ${DEFAULT-VALUE}).")
    private int imageSize;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "target/spark-bench-data",
            description = "Where the images are generated once and reused (default: ${DEFAULT-VALUE}).")
    private Path data;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--partitions", defaultValue = "8", description = "Spark partitions (default: ${DEFAULT-VALUE}).")
    private int partitions;

    /** Runs the benchmark. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkScalingBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path shared = Path.of(System.getProperty("dermlip.shared", "../../shared"));
        Path modelDir = model != null ? model : shared.resolve("fixtures/openclip/tiny-gelu");
        Path vocabulary = vocab != null ? vocab : shared.resolve("vocab/bpe_simple_vocab_16e6.txt.gz");
        List<Path> files = skinSynthImages();
        double loadBefore = LoadAverage.oneMinute();
        double plainFirst = plainRate(modelDir, vocabulary, files);
        SparkModel spec = SparkModel.of(modelDir.toString()).withBatchSize(batchSize)
                .withVocabulary(vocabulary.toString());
        double one = sparkRate("local[1]", spec, files);
        double two = sparkRate("local[2]", spec, files);
        // The plain loop runs again last and its better pass counts, so that the JIT warming up the decoders
        // during the first pass does not favour Spark.
        double plain = Math.max(plainFirst, plainRate(modelDir, vocabulary, files));
        double loadAfter = LoadAverage.oneMinute();

        double overhead = 100 * (plain / one - 1);
        double efficiency = 100 * two / (2 * one);
        System.out.printf(Locale.ROOT, "%d SkinSynth images of %d px, model %s, batch %d, %d partitions, %d cores,"
                + " 1 libtorch thread per task%n", files.size(), imageSize, modelDir.getFileName(), batchSize,
                partitions, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "load average (1 min): %.2f before, %.2f after%n", loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "plain DermLip.encodeImages  %8.1f images/s  (better of a first and a last"
                + " pass)%n", plain);
        System.out.printf(Locale.ROOT, "spark local[1]              %8.1f images/s  overhead vs plain %+.1f%% (target"
                + " <= %d%%: %s)%n", one, overhead, OVERHEAD_TARGET_PERCENT,
                overhead <= OVERHEAD_TARGET_PERCENT ? "met" : "missed");
        System.out.printf(Locale.ROOT, "spark local[2]              %8.1f images/s  scaling efficiency %.1f%%"
                + " (local[2] / 2 x local[1])%n", two, efficiency);
        return 0;
    }

    private List<Path> skinSynthImages() throws IOException {
        Path csv = data.resolve(DatasetLayout.EVAL_TEST_CSV);
        if (!Files.isRegularFile(csv)) {
            new SkinSynthWriter(SkinSynthOptions.defaults().withImageSize(imageSize)
                    .withSizes(1, 10, 10, images, 1)).write(data);
        }
        try (Stream<Path> walk = Files.walk(data.resolve("images").resolve("eval_test"))) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().limit(images).toList();
            if (files.size() < images) {
                throw new IllegalStateException(data + " holds " + files.size() + " test images, not " + images
                        + "; delete it to regenerate");
            }
            return files;
        }
    }

    private double plainRate(Path modelDir, Path vocabulary, List<Path> files) throws IOException {
        try (DermLip lip = DermLip.load(modelDir, DermLipOptions.defaults().withBatchSize(batchSize)
                .withVocabulary(vocabulary))) {
            lip.encodeImages(files.subList(0, Math.min(files.size(), 4 * batchSize)), false);
            long start = System.nanoTime();
            lip.encodeImages(files, false);
            return files.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private double sparkRate(String master, SparkModel spec, List<Path> files) {
        SparkSession spark = SparkSession.builder().master(master).appName("spark-scaling " + master)
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            ImageEmbedder embedder = new ImageEmbedder(spec, ImageLimits.defaults());
            run(spark, embedder, files.subList(0, Math.min(files.size(), 4 * batchSize)));
            long start = System.nanoTime();
            run(spark, embedder, files);
            return files.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            spark.stop();
        }
    }

    /** Embeds every file; Spark's no-op sink runs the whole plan and writes nothing. */
    private void run(SparkSession spark, ImageEmbedder embedder, List<Path> files) {
        List<Row> rows = new ArrayList<>(files.size());
        for (Path file : files) {
            rows.add(RowFactory.create(file.toAbsolutePath().toString()));
        }
        Dataset<Row> input = spark.createDataFrame(
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions), PATHS);
        embedder.embedPaths(input, "filepath", false).write().format("noop").mode("overwrite").save();
    }
}
