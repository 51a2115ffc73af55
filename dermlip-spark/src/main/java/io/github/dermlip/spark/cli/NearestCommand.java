package io.github.dermlip.spark.cli;

import io.github.dermlip.spark.EmbeddingColumns;
import io.github.dermlip.spark.NearestNeighbours;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nearest}: for every row of one embedding table (from {@code embed}), the top-k rows of another by cosine
 * similarity: the nearest captions of every image, or the nearest images of every caption or image.
 */
@Command(name = "nearest", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Top-k nearest corpus rows of every query row, by cosine similarity of their embeddings.")
final class NearestCommand implements Callable<Integer> {
    @Option(names = "--queries", required = true, paramLabel = "DIR", description = "Query embeddings (Parquet).")
    private String queries;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Corpus embeddings (Parquet).")
    private String corpus;

    @Option(names = "--id-key", defaultValue = "filepath",
            description = "Id column of both tables (default: ${DEFAULT-VALUE}).")
    private String idKey;

    @Option(names = "--embedding-key", defaultValue = EmbeddingColumns.EMBEDDING,
            description = "Embedding column of both tables (default: ${DEFAULT-VALUE}).")
    private String embeddingKey;

    @Option(names = "--k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--block-rows", defaultValue = "4096",
            description = "Rows per block of the blocked cross join (default: ${DEFAULT-VALUE}).")
    private int blockRows;

    @Mixin
    private OutputOptions output;

    @Mixin
    private SessionOptions session;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        SparkSession spark = session.start("nearest");
        output.write(new NearestNeighbours(k, blockRows).search(output.partitioned(spark.read().parquet(queries)),
                output.partitioned(spark.read().parquet(corpus)), idKey, embeddingKey));
        spec.commandLine().getOut().printf("%d queries written to %s%n", spark.read().parquet(output.out).count(),
                output.out);
        return 0;
    }
}
