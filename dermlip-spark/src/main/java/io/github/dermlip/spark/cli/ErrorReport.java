package io.github.dermlip.spark.cli;

import io.github.dermlip.spark.ErrorSummary;
import java.io.PrintWriter;

/** Prints how many rows failed and why, after a command wrote its output. */
final class ErrorReport {
    private ErrorReport() {}

    /** One line per cause under a total. */
    static void print(PrintWriter out, ErrorSummary summary, String output) {
        out.printf("%d rows written to %s; %d without an embedding%n", summary.rows(), output, summary.failed());
        summary.byCause().forEach((cause, n) -> out.printf("  %-10s %d%n", cause, n));
        out.flush();
    }
}
