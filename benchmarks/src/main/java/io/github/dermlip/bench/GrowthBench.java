package io.github.dermlip.bench;

import ai.djl.ndarray.NDManager;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.engine.NoGradScope;
import io.github.dermlip.core.io.AtomicFiles;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.tokenizer.BpeVocabulary;
import io.github.dermlip.core.tokenizer.ClipBpeTokenizer;
import io.github.dermlip.eval.metrics.RetrievalMetrics;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * How cost grows with the size of the work, on bench-small: training step time and peak RSS at batch 16 to 256
 * (a forked JVM per batch, as in the training row), {@code DermLip.encodeImages} wall time for 256, 1k and 4k
 * JPEG files, and retrieval ranking ({@link RetrievalMetrics#fromEmbeddings}, the eval module's exact ranks) for
 * 1k, 4k and 16k random unit-vector pairs. Writes {@code growth.md} (tables and each curve's log-log slope) and
 * {@code growth.png} (the curves on log-log axes) into the output folder.
 */
public final class GrowthBench {
    static final int[] TRAIN_BATCHES = {16, 32, 64, 128, 256};
    static final int[] EMBED_IMAGES = {256, 1024, 4096};
    static final int[] RETRIEVAL_PAIRS = {1024, 4096, 16384};
    private static final int TRAIN_WARMUP = 1;
    private static final int TRAIN_STEPS = 3;
    /** Distinct JPEGs written; longer lists cycle through them (each entry is still read and decoded). */
    private static final int DISTINCT_JPEGS = 256;
    private static final int JPEG_WIDTH = 600;
    private static final int JPEG_HEIGHT = 450;
    private static final int CHART_WIDTH = 560;
    private static final int CHART_HEIGHT = 400;

    private GrowthBench() {}

    /** Measures every curve and writes {@code growth.md} and {@code growth.png} into {@code out}. */
    public static List<GrowthCurve> run(BenchSettings settings, Path out) throws IOException, InterruptedException {
        BenchSuite.configureEngine(settings.threads());
        double loadBefore = LoadAverage.oneMinute();
        List<GrowthCurve> curves = new ArrayList<>(training(settings));
        curves.add(embedding(settings));
        curves.add(retrieval(settings));
        String header = String.format(Locale.ROOT, "Cost growth on bench-small, %d libtorch threads; load average (1 min)"
                + " %.2f before, %.2f after, on %d CPUs.%n%n", settings.threads(), loadBefore, LoadAverage.oneMinute(),
                Runtime.getRuntime().availableProcessors());
        String markdown = write(curves, header, out);
        System.out.println(markdown);
        BenchSuite.progress("wrote " + out.resolve("growth.md") + " and " + out.resolve("growth.png"));
        return curves;
    }

    /** Writes {@code growth.md} ({@code header}, then each curve's table and slope) and {@code growth.png}. */
    static String write(List<GrowthCurve> curves, String header, Path out) throws IOException {
        StringBuilder markdown = new StringBuilder(header);
        for (GrowthCurve curve : curves) {
            markdown.append("### ").append(curve.name()).append("\n\n").append(curve.markdown()).append('\n');
        }
        Files.createDirectories(out);
        byte[] text = markdown.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(out.resolve("growth.md"), stream -> stream.write(text));
        BufferedImage png = chart(curves);
        AtomicFiles.write(out.resolve("growth.png"), stream -> ImageIO.write(png, "png", stream));
        return markdown.toString();
    }

    /** Step time and peak RSS of the training row at each batch size. */
    private static List<GrowthCurve> training(BenchSettings settings) throws IOException, InterruptedException {
        double[] batches = new double[TRAIN_BATCHES.length];
        double[] stepSeconds = new double[batches.length];
        double[] rss = new double[batches.length];
        ForkedJvm fork = new ForkedJvm(settings.trainJvmOptions(), settings.threads());
        for (int i = 0; i < batches.length; i++) {
            BenchSuite.progress("growth: training, batch " + TRAIN_BATCHES[i]);
            TrainingResult result = TrainingBench.resultOf(fork.output(TrainingBench.class, List.of(
                    settings.smallConfig().toAbsolutePath().toString(), Integer.toString(TRAIN_BATCHES[i]),
                    Integer.toString(TRAIN_WARMUP), Integer.toString(TRAIN_STEPS))));
            batches[i] = TRAIN_BATCHES[i];
            stepSeconds[i] = result.medianStep().total();
            rss[i] = result.peakRssMib();
            BenchSuite.progress(String.format(Locale.ROOT, "growth: batch %d, %.1f samples/s, peak RSS %.0f MiB",
                    TRAIN_BATCHES[i], result.samplesPerSecond(), rss[i]));
        }
        return List.of(new GrowthCurve("Training step time (samples/s = batch / step time)", "batch",
                        "median step time (s)", batches, stepSeconds),
                new GrowthCurve("Training peak RSS (own process)", "batch", "peak RSS (MiB)", batches, rss));
    }

    /** Wall time of {@code encodeImages} over growing lists of 600 x 450 JPEG files. */
    private static GrowthCurve embedding(BenchSettings settings) throws IOException {
        Path dir = Files.createTempDirectory("dermlip-bench-growth");
        try {
            BenchSuite.progress("growth: writing " + DISTINCT_JPEGS + " JPEGs");
            List<Path> distinct = JpegCorpus.write(dir, DISTINCT_JPEGS, JPEG_WIDTH, JPEG_HEIGHT, 17).stream()
                    .map(dir::resolve).toList();
            OpenClipConfig config = OpenClipConfigReader.read(settings.smallConfig());
            ClipBpeTokenizer tokenizer = new ClipBpeTokenizer(BpeVocabulary.load(settings.vocabulary()),
                    config.model().text().contextLength());
            double[] counts = new double[EMBED_IMAGES.length];
            double[] seconds = new double[counts.length];
            try (NDManager root = NDManager.newBaseManager(); NoGradScope noGrad = NoGradScope.enter()) {
                ClipModel model = EncodingBench.randomModel(config.model(), root);
                DermLipOptions options = DermLipOptions.defaults().withBatchSize(settings.imageBatch());
                try (DermLip dermLip = DermLip.fromModel(model, config, tokenizer, root, options)) {
                    dermLip.encodeImages(distinct.subList(0, settings.imageBatch()), true);
                    for (int i = 0; i < counts.length; i++) {
                        List<Path> files = new ArrayList<>(EMBED_IMAGES[i]);
                        for (int f = 0; f < EMBED_IMAGES[i]; f++) {
                            files.add(distinct.get(f % distinct.size()));
                        }
                        BenchSuite.progress("growth: embed " + files.size() + " images");
                        long start = System.nanoTime();
                        dermLip.encodeImages(files, true);
                        counts[i] = files.size();
                        seconds[i] = (System.nanoTime() - start) / 1e9;
                    }
                }
            }
            return new GrowthCurve("Embed wall time (600 x 450 JPEG files in, embeddings out)", "images", "wall time (s)",
                    counts, seconds);
        } finally {
            BenchSuite.deleteTree(dir);
        }
    }

    /** Time of the exact retrieval ranks for growing numbers of random image-text pairs. */
    private static GrowthCurve retrieval(BenchSettings settings) {
        int dim = OpenClipConfigReader.read(settings.smallConfig()).model().embedDim();
        double[] pairs = new double[RETRIEVAL_PAIRS.length];
        double[] seconds = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int n = RETRIEVAL_PAIRS[i];
            SplittableRandom random = new SplittableRandom(n);
            float[][] images = unitRows(n, dim, random);
            float[][] texts = unitRows(n, dim, random);
            BenchSuite.progress("growth: retrieval over " + n + " pairs");
            long start = System.nanoTime();
            RetrievalMetrics.fromEmbeddings(images, texts);
            pairs[i] = n;
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return new GrowthCurve("Retrieval ranks (eval's RetrievalMetrics.fromEmbeddings, both directions)", "pairs N",
                "time (s)", pairs, seconds);
    }

    private static float[][] unitRows(int n, int dim, SplittableRandom random) {
        float[][] rows = new float[n][dim];
        for (float[] row : rows) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                row[d] = (float) random.nextDouble(-1, 1);
                norm += row[d] * row[d];
            }
            float scale = (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dim; d++) {
                row[d] *= scale;
            }
        }
        return rows;
    }

    /** The curves side by side on log-log axes, two per row. */
    private static BufferedImage chart(List<GrowthCurve> curves) {
        System.setProperty("java.awt.headless", "true");
        int columns = 2;
        int rows = (curves.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * CHART_WIDTH, rows * CHART_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        for (int i = 0; i < curves.size(); i++) {
            GrowthCurve curve = curves.get(i);
            XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT).title(curve.name())
                    .xAxisTitle(curve.sizeLabel() + " (log)").yAxisTitle(curve.costLabel() + " (log)").build();
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setLegendVisible(true);
            chart.addSeries(curve.shape(), curve.sizeList(), curve.costList());
            g.drawImage(BitmapEncoder.getBufferedImage(chart), (i % columns) * CHART_WIDTH, (i / columns) * CHART_HEIGHT,
                    null);
        }
        g.dispose();
        return sheet;
    }
}
