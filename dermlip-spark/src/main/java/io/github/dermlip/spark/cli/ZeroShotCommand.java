package io.github.dermlip.spark.cli;

import io.github.dermlip.core.prompts.PromptFiles;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.spark.EmbeddingColumns;
import io.github.dermlip.spark.ErrorSummary;
import io.github.dermlip.spark.ImageEmbedder;
import io.github.dermlip.spark.ZeroShotScorer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zeroshot}: embeds the manifest's images and adds {@code label}, {@code probabilities} and {@code topk}
 * (see {@link ZeroShotScorer}); the class names and templates travel in the Parquet schema, for {@code evaluate}.
 * The manifest's true label column, when it has one, is kept as {@link #TRUE_LABEL}, since {@code label} now holds
 * the prediction.
 */
@Command(name = "zeroshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Zero-shot classify the images of a manifest; write Parquet with label, probabilities, topk.")
final class ZeroShotCommand implements Callable<Integer> {
    /** The output column holding the manifest's true label. */
    static final String TRUE_LABEL = "true_label";

    @Mixin
    private ManifestOptions manifest;

    @Mixin
    private ModelOptions model;

    @Mixin
    private ImageOptions images;

    @Option(names = "--classes", required = true, paramLabel = "FILE",
            description = "Class names in label order, one per line or a JSON array.")
    private Path classes;

    @Option(names = "--templates", paramLabel = "FILE",
            description = "Prompt templates with a {} placeholder (default: DermLIP's eight skin templates).")
    private Path templates;

    @Option(names = "--csv-label-key", defaultValue = "label",
            description = "True label column, kept as " + TRUE_LABEL + " when present (default: ${DEFAULT-VALUE}).")
    private String labelKey;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "5",
            description = "Classes listed in the topk column (default: ${DEFAULT-VALUE}).")
    private int topK;

    @Mixin
    private OutputOptions output;

    @Mixin
    private SessionOptions session;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<String> classNames = PromptFiles.readClassList(classes).labels();
        PromptTemplates prompts = templates == null ? PromptTemplates.DERMLIP_SKIN : PromptFiles.readTemplates(templates);
        SparkSession spark = session.start("zeroshot");
        Dataset<Row> input = output.partitioned(
                manifest.read(spark, true).withColumnRenamed(labelKey, TRUE_LABEL));
        Dataset<Row> embedded = new ImageEmbedder(model.spec(), images.limits())
                .embedPaths(input, manifest.imageKey, false);
        output.write(new ZeroShotScorer(model.spec(), classNames, prompts.templates(), topK)
                .score(embedded, EmbeddingColumns.EMBEDDING));
        ErrorReport.print(spec.commandLine().getOut(), ErrorSummary.of(spark.read().parquet(output.out)), output.out);
        return 0;
    }
}
