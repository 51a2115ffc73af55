package io.github.dermlip.spark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Which Spark to run on and how to write, shared by every command. */
final class SessionOptions {
    /** The master when neither --master nor spark-submit gives one: every core of this machine. */
    static final String LOCAL = "local[*]";

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit sets, else " + LOCAL + ").")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the input into N partitions first (default: as read).")
    Integer partitions;

    @Option(names = "--overwrite", description = "Replace the output if it exists (default: fail).")
    boolean overwrite;

    /** A session on the chosen master; spark-submit's settings arrive as system properties that SparkConf reads. */
    SparkSession start(String command) {
        SparkConf conf = new SparkConf().setAppName("dermlip-spark " + command);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(LOCAL);
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** {@code input} in --partitions partitions, or as it is. */
    Dataset<Row> partitioned(Dataset<Row> input) {
        return partitions == null ? input : input.repartition(partitions);
    }

    /** The write mode for Spark's writers. */
    String saveMode() {
        return overwrite ? "overwrite" : "errorifexists";
    }
}
