package io.github.dermlip.eval.cli;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.api.ZeroShotClassifier;
import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptFiles;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.data.BuiltinClassLists;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code classify}: zero-shot classification of the images of a folder.
 *
 * <p>Prints a tab-separated table with a header line {@code image rank class probability}, then for each image in
 * file-name order its {@code --top} classes, most probable first (rank 1).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Zero-shot classify the images of a folder and print each image's most probable classes.")
final class ClassifyCommand implements Callable<Integer> {
    @Mixin
    private ModelOptions model;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Folder of images (png, jpg, jpeg, bmp, webp, gif).")
    private Path images;

    @Option(names = "--classes", required = true, paramLabel = "FILE",
            description = "Class names, one per line or a JSON array; or the name of a built-in list (ham10000,"
                    + " pad-ufes-20, daffodil, fitzpatrick17k, isic2019, ddi, isic2020).")
    private String classes;

    @Option(names = "--templates", paramLabel = "FILE",
            description = "Prompt templates with a {} placeholder, one per line or a JSON array (default: DermLIP's"
                    + " eight skin templates).")
    private Path templates;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "Classes printed per image (default: ${DEFAULT-VALUE}).")
    private int top;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    private boolean noProgress;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        ClassList classList = classList(classes);
        PromptTemplates prompts = templates == null ? PromptTemplates.DERMLIP_SKIN : PromptFiles.readTemplates(templates);
        List<Path> files = ImageFiles.list(images);
        PrintWriter stdout = spec.commandLine().getOut();
        try (DermLip lip = model.load()) {
            ZeroShotClassifier classifier = lip.zeroShotClassifier(classList.labels(), prompts.templates());
            float[][] embeddings;
            try (ConsoleProgress bar = ConsoleProgress.start("images", files.size(), lip.batchSize(), !noProgress)) {
                embeddings = lip.encodeImages(files, true, bar);
            }
            stdout.println("image\trank\tclass\tprobability");
            int k = Math.min(top, classList.size());
            for (int i = 0; i < files.size(); i++) {
                List<Classifications.Classification> best = classifier.classify(embeddings[i]).topK(k);
                for (int r = 0; r < best.size(); r++) {
                    stdout.printf(Locale.ROOT, "%s\t%d\t%s\t%.6f%n", files.get(i).getFileName(), r + 1,
                            best.get(r).getClassName(), best.get(r).getProbability());
                }
            }
        }
        stdout.flush();
        return 0;
    }

    /** A class-list file, or else a built-in list of that name. */
    static ClassList classList(String fileOrName) {
        Path file = Path.of(fileOrName);
        if (Files.isRegularFile(file)) {
            return PromptFiles.readClassList(file);
        }
        try {
            return BuiltinClassLists.get(fileOrName);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException("--classes " + fileOrName + ": no such file, and " + e.getMessage(), e);
        }
    }
}
