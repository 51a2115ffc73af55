package io.github.dermlip.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' Spark: local mode with two task threads and up to two attempts per task (so a task that fails once is
 * retried, as on a cluster), no UI, few shuffle partitions. One session serves every test class of the JVM, since
 * starting Spark costs seconds.
 */
public final class SparkTestSession {
    /** Two task threads, two attempts per task. */
    static final String MASTER = "local[2,2]";

    private static SparkSession session;

    private SparkTestSession() {}

    /** Stops the shared session, if one runs, for a test that needs a master of its own. */
    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    /** The shared session, started on first use and again after a test stopped it for a master of its own. */
    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder()
                    .master(MASTER)
                    .appName("dermlip-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "4")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
