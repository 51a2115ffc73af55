package io.github.dermlip.eval.cli;

import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.task.TaskInputs;
import io.github.dermlip.eval.task.ZeroShotReport;
import io.github.dermlip.eval.task.ZeroShotTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code zeroshot}: zero-shot classification of a labelled dataset with all metrics, bootstrap intervals,
 * per-class table, predictions, confusion matrix, reliability diagram and optional per-group breakdown
 * (files: {@link ZeroShotReport}).
 */
@Command(name = "zeroshot", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Zero-shot classification of a labelled dataset, with 95%% bootstrap intervals and plots.")
final class ZeroShotCommand implements Callable<Integer> {
    @Mixin
    private ModelOptions model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME|CSV",
            description = "Dataset name (ham10000, pad-ufes-20, fitzpatrick17k, ddi, isic2019, isic2020, mmskin, csv,"
                    + " imagefolder) or a CSV file with image_path,label[,split][,group columns].")
    private String dataset;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "The dataset's folder (for a CSV: the folder of relative image paths).")
    private Path dataRoot;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    private Path out;

    @Option(names = "--classes", paramLabel = "FILE",
            description = "Class names in label order, one per line or a JSON array (default: the built-in list of"
                    + " the dataset, else its own class names).")
    private Path classes;

    @Option(names = "--templates", paramLabel = "FILE",
            description = "Prompt templates with a {} placeholder (default: DermLIP's eight skin templates).")
    private Path templates;

    @Option(names = "--group-by", paramLabel = "COLUMN",
            description = "Also report every metric per value of this group column (e.g. fitzpatrick_scale).")
    private String groupBy;

    @Option(names = "--split", paramLabel = "NAME", description = "Evaluate only this split (default: all images).")
    private String split;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() throws IOException {
        LabeledDataset data = TaskInputs.labeled(dataset, dataRoot, classes, split);
        ClassList classList = TaskInputs.classList(dataset, data, classes);
        PromptTemplates prompts = TaskInputs.templates(templates);
        return run.evaluate(model, out, (lip, bootstrap, commandLine) ->
                new ZeroShotTask(bootstrap).run(lip, data, classList, prompts, groupBy, out, commandLine));
    }
}
