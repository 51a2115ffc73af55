package io.github.dermlip.eval.cli;

import io.github.dermlip.eval.report.ReportWriter;
import io.github.dermlip.eval.task.DermLipModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What the evaluation commands share: loading the model, the provenance command line, the closing summary. */
final class TaskRuns {
    private TaskRuns() {}

    /** Loads the model named by the options, with a progress bar unless switched off. */
    static DermLipModel load(ModelOptions model, RunOptions run) throws IOException {
        return DermLipModel.load(null, model.model, model.options(), run.progress());
    }

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
