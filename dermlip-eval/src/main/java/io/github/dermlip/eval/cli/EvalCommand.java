package io.github.dermlip.eval.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dermlip-eval} command line: one subcommand per task.
 *
 * <p>Run it as {@code mvn -q -pl dermlip-eval exec:java -Dexec.args="embed --model DIR ..."}. A new task is added
 * by writing its picocli command class and listing it in {@code subcommands} below.
 */
@Command(name = "dermlip-eval", mixinStandardHelpOptions = true, version = "dermlip-eval 0.1.0",
        description = "Embeddings, tokenization, zero-shot classification and evaluation with DermLIP / open_clip models.",
        subcommands = {
            EmbedCommand.class,
            TokenizeCommand.class,
            ClassifyCommand.class,
            ThroughputCommand.class,
            ZeroShotCommand.class,
            LinearProbeCommand.class,
            RetrievalCommand.class,
            ConceptsCommand.class,
            VqaCommand.class,
            BenchmarkCommand.class,
            ModelsCommand.class,
        })
public final class EvalCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * A command line for {@link EvalCommand} that reports failures of the input (a missing file, a bad config, an
     * unknown class list) as one {@code error:} line instead of a stack trace, with exit status 1; other failures
     * keep picocli's default handling (stack trace).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EvalCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (!CliErrors.isInputError(e)) {
                throw e;
            }
            PrintWriter err = commandLine.getErr();
            err.println("error: " + CliErrors.describe(e));
            err.flush();
            return 1;
        });
        return cli;
    }

    /** Without a subcommand: prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
