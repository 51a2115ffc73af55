package io.github.dermlip.spark;

import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.image.ImageLimits;
import java.util.Iterator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Embeds images on Spark: every input row gains {@link EmbeddingColumns#EMBEDDING}, {@link EmbeddingColumns#ERROR}
 * and {@link EmbeddingColumns#ERROR_CAUSE}. A missing, unreadable, corrupt or over-sized image never fails the job:
 * its row keeps a null embedding and says why.
 *
 * <p>Each partition runs in batches of {@link SparkModel#batchSize()} on the executor JVM's one copy of the
 * model, loaded by its first task; the next batch's images are read and decoded on {@link SparkModel#decodeThreads()}
 * threads while the current one runs. The embeddings are those of {@link DermLip#encodeImages} on the same files.
 */
public final class ImageEmbedder {
    private final SparkModel model;
    private final ImageLimits limits;

    /** Embeds with {@code model}, refusing images over {@code limits}. */
    public ImageEmbedder(SparkModel model, ImageLimits limits) {
        this.model = model;
        this.limits = limits;
    }

    /**
     * Embeds the image each row's {@code pathColumn} names, read through Hadoop's FileSystem with the session's
     * Hadoop configuration (a path without a scheme is on the default file system).
     */
    public Dataset<Row> embedPaths(Dataset<Row> input, String pathColumn, boolean normalize) {
        StructType schema = input.schema();
        HadoopConf conf = new HadoopConf(input.sparkSession().sparkContext().hadoopConfiguration());
        return run(input, new HadoopImageSource(Rows.index(schema, pathColumn), conf, limits), normalize);
    }

    /** Embeds the rows of Spark's {@code binaryFile} source ({@code path} and {@code content} columns). */
    public Dataset<Row> embedBinaryFiles(Dataset<Row> binaryFiles, boolean normalize) {
        StructType schema = binaryFiles.schema();
        return run(binaryFiles, new BinaryImageSource(Rows.index(schema, "path"), Rows.index(schema, "content"), limits),
                normalize);
    }

    private Dataset<Row> run(Dataset<Row> input, ImageSource source, boolean normalize) {
        SparkModel spec = model;
        return input.mapPartitions((Iterator<Row> rows) -> embedPartition(rows, spec, source, normalize),
                Encoders.row(EmbeddingColumns.append(input.schema())));
    }

    private static Iterator<Row> embedPartition(Iterator<Row> rows, SparkModel spec, ImageSource source,
            boolean normalize) {
        if (!rows.hasNext()) {
            return rows;
        }
        ExecutorService decoders = Executors.newFixedThreadPool(spec.decodeThreads(), decodeThreads());
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> decoders.shutdownNow());
        }
        ImageStage stage = new ImageStage(ExecutorModels.model(spec), source, normalize, decoders);
        return new PrefetchingBatches<>(rows, spec.batchSize(), stage);
    }

    private static ThreadFactory decodeThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "dermlip-spark-decode");
            thread.setDaemon(true);
            return thread;
        };
    }
}
