package io.github.dermlip.spark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Which Spark to run on, shared by every command. */
final class SessionOptions {
    /** The master when neither --master nor spark-submit gives one: every core of this machine. */
    static final String LOCAL = "local[*]";

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the one spark-submit sets, else " + LOCAL + ").")
    String master;

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
}
