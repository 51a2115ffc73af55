package io.github.dermlip.spark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dermlip-spark} command line: embedding, zero-shot scoring, evaluation and nearest-neighbour search of
 * image manifests on Apache Spark.
 *
 * <p>From Maven in local mode: {@code mvn -q -pl dermlip-spark exec:exec -Ddermlip.args="embed ..."}; on a cluster:
 * {@code spark-submit --class io.github.dermlip.spark.cli.SparkCommand dermlip-spark-job.jar embed ...}.
 */
@Command(name = "dermlip-spark", mixinStandardHelpOptions = true, version = "dermlip-spark 0.1.0",
        description = "Embed, classify zero-shot, evaluate and search millions of images on Apache Spark.",
        subcommands = {EmbedCommand.class, ZeroShotCommand.class, EvaluateCommand.class, NearestCommand.class})
public final class SparkCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * A command line that reports failures of the input (a missing file or column, a bad option) as one
     * {@code error:} line with exit status 1; other failures keep picocli's stack trace.
     */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new SparkCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof IOException || e instanceof UncheckedIOException
                    || e instanceof IllegalArgumentException)) {
                throw e;
            }
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        return line;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a subcommand: embed, zeroshot, evaluate or nearest");
    }
}
