package io.github.dermlip.train;

import io.github.dermlip.train.cli.TrainCommand;
import java.io.IOException;
import picocli.CommandLine;

/**
 * The {@code train} command's flags run with the test components ({@link WordTokenizer}), as a separate process:
 * {@link TrainingProcess} starts it so that a resumed run really continues in a new JVM.
 */
public final class WordTrainingMain {
    private WordTrainingMain() {}

    /** Trains with the {@code train} flags in {@code args}. */
    public static void main(String[] args) throws IOException {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "train";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        CommandLine.ParseResult parsed = TrainCommand.commandLine().parseArgs(withCommand);
        TrainConfig config = ((TrainCommand) parsed.subcommand().commandSpec().userObject()).toConfig();
        new Trainer(config, TestRuns.wordComponents(), new TrainingListener() {}).run();
    }
}
