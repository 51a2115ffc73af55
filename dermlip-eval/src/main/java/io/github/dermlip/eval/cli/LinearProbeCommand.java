package io.github.dermlip.eval.cli;

import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.probe.ProbeProtocol;
import io.github.dermlip.eval.task.LinearProbeReport;
import io.github.dermlip.eval.task.LinearProbeSettings;
import io.github.dermlip.eval.task.LinearProbeTask;
import io.github.dermlip.eval.task.ProbeBudget;
import io.github.dermlip.eval.task.TaskInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code linear-probe}: logistic-regression probes on frozen image features for several training budgets and
 * seeds (files: {@link LinearProbeReport}).
 */
@Command(name = "linear-probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Linear probing on frozen image features: percent or few-shot budgets over several seeds.")
final class LinearProbeCommand implements Callable<Integer> {
    private static final int DEFAULT_SEEDS = 5;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME|CSV",
            description = "Dataset name or CSV file (image_path,label[,split]); with a split column the probe trains on"
                    + " 'train' and tests on --test-split, else on a seeded stratified 80/20 split.")
    private String dataset;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "The dataset's folder (for a CSV: the folder of relative image paths).")
    private Path dataRoot;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    private Path out;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Budgets budgets;

    @Option(names = "--protocol", paramLabel = "NAME", defaultValue = "dermlip",
            description = "dermlip (raw features, C rule or --select-c) or mmskin (standardized features, C by 5-fold"
                    + " cross-validation on macro AUROC; budget 100%% unless given) (default: ${DEFAULT-VALUE}).")
    private String protocol;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Training subsamples per budget (default: 5, or 1 for --protocol mmskin).")
    private Integer seeds;

    @Option(names = "--select-c",
            description = "Choose C on a validation split (the 'val' split, else 20%% of the training rows) instead"
                    + " of DermLIP's rule C = feature dim x classes / 100.")
    private boolean selectC;

    @Option(names = "--test-split", paramLabel = "NAME", defaultValue = LinearProbeSettings.DEFAULT_TEST_SPLIT,
            description = "The split tested when the dataset has a split column (default: ${DEFAULT-VALUE}).")
    private String testSplit;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Feature cache folder (default: OUT/features).")
    private Path cache;

    @Mixin
    private RunOptions run;

    /** Exactly one kind of budget. */
    static final class Budgets {
        @Option(names = "--percent", split = ",", paramLabel = "P",
                description = "Percentages of every training class, e.g. 1,10,100 (at least one image per class).")
        List<Double> percent;

        @Option(names = "--shots", split = ",", paramLabel = "K",
                description = "Training images per class, e.g. 1,2,4,8,16.")
        List<Integer> shots;

        List<ProbeBudget> toBudgets() {
            return percent != null ? percent.stream().map(ProbeBudget::percent).toList()
                    : shots.stream().map(ProbeBudget::shots).toList();
        }
    }

    @Override
    public Integer call() throws IOException {
        ProbeProtocol chosen = ProbeProtocol.parse(protocol);
        boolean mmskin = chosen == ProbeProtocol.MMSKIN;
        if (budgets == null && !mmskin) {
            throw new ParameterException(spec.commandLine(),
                    "give --percent or --shots (only --protocol mmskin has a default budget, 100%)");
        }
        LabeledDataset data = TaskInputs.labeled(dataset, dataRoot, null, null);
        LinearProbeSettings settings = new LinearProbeSettings(
                budgets != null ? budgets.toBudgets() : List.of(ProbeBudget.percent(100)),
                seeds != null ? seeds : mmskin ? 1 : DEFAULT_SEEDS,
                selectC ? LinearProbeSettings.DEFAULT_COST_SEARCH : null, testSplit,
                cache != null ? cache : out.resolve("features"), chosen);
        return run.evaluate(model, out, (lip, bootstrap, commandLine) ->
                new LinearProbeTask(bootstrap).run(lip, data, settings, out, commandLine));
    }
}
