package io.github.dermlip.eval.cli;

import io.github.dermlip.eval.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What the evaluation and benchmark commands share: the provenance command line and the closing summary. */
final class TaskRuns {
    private TaskRuns() {}

    /**
     * The command line as typed: the root command's name and its original arguments (which include the
     * subcommand's name when run through {@link EvalCommand}).
     */
    static List<String> commandLine(CommandSpec spec) {
        List<String> line = new ArrayList<>();
        line.add(spec.root().name());
        line.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return line;
    }

    /** Prints the results table and where the report went. */
    static void summarize(CommandSpec spec, Path outDir) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        out.print(Files.readString(outDir.resolve(ReportWriter.RESULTS_MD)));
        out.println();
        out.println("Report written to " + outDir.toAbsolutePath().normalize());
        out.flush();
    }
}
