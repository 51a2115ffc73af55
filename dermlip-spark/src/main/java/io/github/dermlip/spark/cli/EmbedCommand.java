package io.github.dermlip.spark.cli;

import io.github.dermlip.spark.ErrorSummary;
import io.github.dermlip.spark.ImageEmbedder;
import io.github.dermlip.spark.TextEmbedder;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code embed}: the manifest with {@code embedding}, {@code error} and {@code error_cause} columns added, as Parquet;
 * images by default, captions with {@code --texts}.
 */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Embed the images (or captions) of a manifest; write Parquet with an embedding column.")
final class EmbedCommand implements Callable<Integer> {
    @Mixin
    private ManifestOptions manifest;

    @Mixin
    private ModelOptions model;

    @Mixin
    private ImageOptions images;

    @Option(names = "--texts", description = "Embed the caption column (--csv-caption-key) instead of the images.")
    private boolean texts;

    @Option(names = "--normalize", description = "Store unit-norm embeddings (default: as the model gives them).")
    private boolean normalize;

    @Mixin
    private OutputOptions output;

    @Mixin
    private SessionOptions session;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        SparkSession spark = session.start("embed");
        Dataset<Row> input = output.partitioned(manifest.read(spark, !texts));
        Dataset<Row> embedded = texts
                ? new TextEmbedder(model.spec()).embed(input, manifest.captionKey, normalize)
                : new ImageEmbedder(model.spec(), images.limits()).embedPaths(input, manifest.imageKey, normalize);
        output.write(embedded);
        ErrorReport.print(spec.commandLine().getOut(), ErrorSummary.of(spark.read().parquet(output.out)), output.out);
        return 0;
    }
}
