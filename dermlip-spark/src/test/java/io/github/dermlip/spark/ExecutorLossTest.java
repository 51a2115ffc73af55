package io.github.dermlip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dermlip.core.image.ImageLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor JVM killed mid-stage: Spark's {@code local-cluster} mode runs a standalone master and workers in this
 * JVM and every executor as its own process, so one can die while the others go on. Its workers launch executors
 * from {@code $SPARK_HOME} (surefire points it at an empty folder with a {@code jars/} directory, all a worker
 * checks for); the executors' class path is this JVM's, passed as {@code spark.executor.extraClassPath}.
 */
class ExecutorLossTest {
    @TempDir
    static Path dir;

    @Test
    void theJobCompletesWhenAnExecutorDiesMidStage() throws Exception {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        TestData.skinSynth(dir.resolve("synth"), 8);
        List<String> paths = TestData.images(dir.resolve("synth")).stream().map(Path::toString).toList();
        Path killed = dir.resolve("killed");
        SparkTestSession.stop();
        SparkSession spark = SparkSession.builder()
                .master("local-cluster[2,1,1024]")
                .appName("dermlip-spark executor loss")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .config("spark.executor.extraJavaOptions", String.join(" ", java.lang.management.ManagementFactory
                        .getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-D")).toList()))
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try {
            List<Row> pathRows = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                pathRows.add(RowFactory.create((long) i, paths.get(i)));
            }
            // Partitions without a shuffle, so the killed task is all there is to redo.
            Dataset<Row> rows = spark.createDataFrame(
                    JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(pathRows, 4), TestData.PATHS);
            Dataset<Row> embedded = new ImageEmbedder(TestData.model(), ImageLimits.defaults())
                    .embedPaths(rows, "filepath", false);
            String marker = killed.toString();
            // The first attempt of partition 0 kills its executor after a few rows, once.
            Dataset<Row> dying = embedded.mapPartitions((Iterator<Row> in) -> new FaultAfter(in, 3,
                    TaskContext.getPartitionId() == 0 && !Files.exists(Path.of(marker)) ? () -> halt(marker) : null),
                    embedded.encoder());
            Path out = dir.resolve("out");
            dying.write().parquet(out.toString());
            assertTrue(Files.exists(killed), "no executor was killed");
            Dataset<Row> written = spark.read().parquet(out.toString());
            assertEquals(paths.size(), written.count());
            assertEquals(paths.size(), written.select("id").distinct().count());
            assertEquals(0, written.where(functions.col(EmbeddingColumns.EMBEDDING).isNull()).count());
        } finally {
            spark.stop();
        }
    }

    /** Leaves a mark, then ends this JVM (an executor) at once, as the kernel's OOM killer would. */
    private static void halt(String marker) {
        try {
            Files.createFile(Path.of(marker));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().halt(137);
    }
}
