package io.github.dermlip.spark.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Option;

/** How the commands that write a Parquet table split their input and treat an existing output. */
final class OutputOptions {
    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the input into N partitions first (default: as read).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace the output if it exists (default: fail).")
    boolean overwrite;

    /** {@code input} in --partitions partitions, or as it is. */
    Dataset<Row> partitioned(Dataset<Row> input) {
        return partitions == null ? input : input.repartition(partitions);
    }

    /** The write mode for Spark's writers. */
    String saveMode() {
        return overwrite ? "overwrite" : "errorifexists";
    }
}
