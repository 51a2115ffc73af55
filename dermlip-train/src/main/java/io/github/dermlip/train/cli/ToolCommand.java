package io.github.dermlip.train.cli;

import picocli.CommandLine.Command;

/** The {@code dermlip-train} tool itself, whose one subcommand is {@code train} ({@link TrainCommand}). */
@Command(name = "dermlip-train", mixinStandardHelpOptions = true,
        description = "DermLIP training tools. Run 'dermlip-train train --help' for the training options.")
final class ToolCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
