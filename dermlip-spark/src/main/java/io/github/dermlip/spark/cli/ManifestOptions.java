package io.github.dermlip.spark.cli;

import java.util.Arrays;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Option;

/**
 * The input manifest: a CSV, Parquet or JSON-lines table with an image column (and a caption column for texts),
 * with the column options of {@code dermlip-train train}. Relative image paths resolve against {@code --image-root},
 * by default the manifest's folder, as in training.
 */
final class ManifestOptions {
    /** The column that keeps every row's position in the manifest, so results can be put back in its order. */
    static final String MANIFEST_ROW = "manifest_row";

    @Option(names = "--manifest", required = true, paramLabel = "PATH",
            description = "CSV, Parquet or JSON-lines manifest (file: hdfs: s3a: or a local path).")
    String manifest;

    @Option(names = "--dataset-type", defaultValue = "auto",
            description = "csv, parquet, json or auto (by extension; a folder is Parquet) (default: ${DEFAULT-VALUE}).")
    String datasetType;

    @Option(names = "--csv-img-key", defaultValue = "filepath",
            description = "Image path column (default: ${DEFAULT-VALUE}).")
    String imageKey;

    @Option(names = "--csv-caption-key", defaultValue = "title",
            description = "Caption column (default: ${DEFAULT-VALUE}).")
    String captionKey;

    @Option(names = "--csv-separator", paramLabel = "CHAR", defaultValue = ",",
            description = "CSV field separator (default: '${DEFAULT-VALUE}').")
    String separator;

    @Option(names = "--image-root", paramLabel = "DIR",
            description = "Folder relative image paths resolve against (default: the manifest's).")
    String imageRoot;

    /** The manifest's rows, with {@link #MANIFEST_ROW} added and image paths resolved. */
    Dataset<Row> read(SparkSession spark, boolean images) {
        Dataset<Row> rows = reader(spark).withColumn(MANIFEST_ROW, functions.monotonically_increasing_id());
        String required = images ? imageKey : captionKey;
        if (!Arrays.asList(rows.columns()).contains(required)) {
            throw new IllegalArgumentException(manifest + ": no column '" + required + "' (set it with "
                    + (images ? "--csv-img-key" : "--csv-caption-key") + "); the columns are "
                    + Arrays.toString(rows.columns()));
        }
        return images ? rows.withColumn(imageKey, resolved(functions.col(imageKey).cast("string"))) : rows;
    }

    private Dataset<Row> reader(SparkSession spark) {
        String type = datasetType.equals("auto") ? typeOf(manifest) : datasetType.toLowerCase(Locale.ROOT);
        return switch (type) {
            case "csv" -> spark.read().option("header", "true").option("sep", separator).option("mode", "FAILFAST")
                    .csv(manifest);
            case "parquet" -> spark.read().parquet(manifest);
            case "json" -> spark.read().option("mode", "FAILFAST").json(manifest);
            default -> throw new IllegalArgumentException("--dataset-type " + datasetType
                    + ": expected csv, parquet, json or auto");
        };
    }

    private static String typeOf(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return "csv";
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl")) {
            return "json";
        }
        return "parquet";
    }

    /** {@code path} when it has a scheme or is absolute, else under the image root. */
    private Column resolved(Column path) {
        String root = imageRoot != null ? imageRoot : new Path(manifest).getParent().toString();
        Column absolute = path.rlike("^([a-zA-Z][a-zA-Z0-9+.-]*:|/)");
        return functions.when(absolute, path).otherwise(functions.concat(functions.lit(root + "/"), path));
    }
}
