package io.github.dermlip.eval.cli;

import io.github.dermlip.eval.data.LoadOptions;
import io.github.dermlip.eval.data.MmSkinVqa;
import io.github.dermlip.eval.data.VqaDataset;
import io.github.dermlip.eval.vqa.PromptForm;
import io.github.dermlip.eval.vqa.VqaReportFiles;
import io.github.dermlip.eval.vqa.VqaTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vqa}: MM-Skin-style visual question answering scored by a CLIP model: closed-ended accuracy (per modality
 * where known) and open-ended answer ranking (files: {@link VqaReportFiles}).
 */
@Command(name = "vqa", mixinStandardHelpOptions = true, sortOptions = false,
        description = "VQA scored by CLIP: closed-ended accuracy and open-ended answer retrieval R@1/5/10, mean rank,"
                + " with 95%% bootstrap intervals.")
final class VqaCommand implements Callable<Integer> {
    @Mixin
    private ModelOptions model;

    @Option(names = "--data", required = true, paramLabel = "FILE|DIR",
            description = "A VQA CSV or JSON (image,question,answer[,modality]), or the unpacked MM-Skin release"
                    + " (reads Dataframe/test/vqa/).")
    private Path data;

    @Option(names = "--image-root", paramLabel = "DIR",
            description = "Folder of relative image paths (default: the release folder above Dataframe/, else the"
                    + " file's folder).")
    private Path imageRoot;

    @Option(names = "--prompt", paramLabel = "FORM", defaultValue = "question-answer",
            description = "How closed-ended candidates are scored: question-answer or answer"
                    + " (default: ${DEFAULT-VALUE}).")
    private String prompt;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    private Path out;

    @Mixin
    private RunOptions run;

    @Override
    public Integer call() throws IOException {
        PromptForm form = PromptForm.parse(prompt);
        VqaDataset questions = MmSkinVqa.load(data,
                imageRoot == null ? LoadOptions.DEFAULT : LoadOptions.DEFAULT.withImageRoot(imageRoot));
        return run.evaluate(model, out, (lip, bootstrap, commandLine) ->
                new VqaTask(bootstrap, form).run(lip, questions, out, commandLine));
    }
}
