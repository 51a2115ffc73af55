package io.github.dermlip.spark.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Option;

/** Where the commands that write a Parquet table write it, how they split their input, and an existing output. */
final class OutputOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output Parquet folder.")
    String out;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the input into N partitions first (default: as read).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace the output if it exists (default: fail).")
    boolean overwrite;

    /** {@code input} in --partitions partitions, or as it is. */
    Dataset<Row> partitioned(Dataset<Row> input) {
        return partitions == null ? input : input.repartition(partitions);
    }

    /** Writes {@code result} to --out as Parquet, replacing it only with --overwrite. */
    void write(Dataset<Row> result) {
        result.write().mode(overwrite ? "overwrite" : "errorifexists").parquet(out);
    }
}
