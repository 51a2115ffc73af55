package io.github.dermlip.eval.cli;

import io.github.dermlip.core.api.DermLipOptions;
import io.github.dermlip.core.api.ProgressListener;
import io.github.dermlip.eval.task.BenchmarkSuite;
import io.github.dermlip.eval.task.DermLipModel;
import io.github.dermlip.eval.task.SuiteReport;
import io.github.dermlip.eval.task.SuiteSpec;
import io.github.dermlip.eval.task.SuiteSpecReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark}: runs a suite of tasks for several models into one combined table with paired comparisons
 * against the first model (suite format: {@link SuiteSpecReader}; files: {@link SuiteReport}).
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run several tasks for several models into one combined table with paired comparisons.")
final class BenchmarkCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true, paramLabel = "SUITE.json", description = "The suite file.")
    private Path suite;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    private Path out;

    @Option(names = "--bootstrap", paramLabel = "N", description = "Override the suite's bootstrap resamples.")
    private Integer bootstrap;

    @Option(names = "--seed", paramLabel = "S", description = "Override the suite's seed.")
    private Long seed;

    @Option(names = "--no-progress", description = "Do not show progress bars.")
    private boolean noProgress;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SuiteSpec read = SuiteSpecReader.read(suite);
        SuiteSpec suiteSpec = new SuiteSpec(read.models(), read.tasks(), seed != null ? seed : read.seed(),
                bootstrap != null ? bootstrap : read.bootstrap());
        BenchmarkSuite runner = new BenchmarkSuite(model -> DermLipModel.load(model.name(), model.model(),
                DermLipOptions.defaults().withVocabulary(model.vocab()).withBatchSize(model.batchSize()),
                noProgress ? ProgressListener.NONE : new EncodingProgress()));
        runner.run(suiteSpec, out, TaskRuns.commandLine(spec));
        TaskRuns.summarize(spec, out);
        return 0;
    }
}
