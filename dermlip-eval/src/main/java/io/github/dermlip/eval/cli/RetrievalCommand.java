package io.github.dermlip.eval.cli;

import io.github.dermlip.eval.data.CaptionCsv;
import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.task.RetrievalReportFiles;
import io.github.dermlip.eval.task.RetrievalTask;
import io.github.dermlip.eval.task.TaskInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code retrieval}: image-to-text and text-to-image retrieval over image-caption pairs, open_clip's metrics with
 * bootstrap intervals (files: {@link RetrievalReportFiles}).
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Image-text retrieval: R@1/5/10/50/200, mean and median rank, with 95%% bootstrap intervals.")
final class RetrievalCommand implements Callable<Integer> {
    @Mixin
    private ModelOptions model;

    @Option(names = "--data", required = true, paramLabel = "CSV|NAME",
            description = "A CSV with an image and a caption column, or skincap / derm1m.")
    private String data;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "The dataset's folder (for a CSV: the folder of relative image paths; default: the CSV's).")
    private Path dataRoot;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    private Path out;

    @Option(names = "--image-key", paramLabel = "K", defaultValue = CaptionCsv.DEFAULT_IMAGE_KEY,
            description = "Image column of the CSV (default: ${DEFAULT-VALUE}).")
    private String imageKey;

    @Option(names = "--caption-key", paramLabel = "K", defaultValue = CaptionCsv.DEFAULT_CAPTION_KEY,
            description = "Caption column of the CSV (default: ${DEFAULT-VALUE}).")
    private String captionKey;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() throws IOException {
        CaptionedImages pairs = TaskInputs.captions(data, dataRoot, imageKey, captionKey);
        return run.evaluate(model, out, (lip, bootstrap, commandLine) ->
                new RetrievalTask(bootstrap).run(lip, pairs, out, commandLine));
    }
}
