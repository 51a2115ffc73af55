package io.github.dermlip.eval.cli;

import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.eval.probe.Npy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code embed}: image and/or text embeddings of a model, written as NumPy files.
 *
 * <p>Writes to {@code --out}: {@value #IMAGE_EMBEDDINGS} (float32 [N, E], one row per image file in name order)
 * with {@value #IMAGE_FILES} (those file names, one a line, in the same order), and {@value #TEXT_EMBEDDINGS}
 * (float32 [T, E], one row per line of {@code --texts}, empty lines included). Rows are open_clip's
 * {@code encode_image} / {@code encode_text}, L2-normalized only with {@code --normalize}.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "Embed the images of a folder and/or the lines of a text file; writes .npy files.")
final class EmbedCommand implements Callable<Integer> {
    /** Image embeddings file name. */
    static final String IMAGE_EMBEDDINGS = "image_embeddings.npy";
    /** Image file names, in row order. */
    static final String IMAGE_FILES = "image_files.txt";
    /** Text embeddings file name. */
    static final String TEXT_EMBEDDINGS = "text_embeddings.npy";

    @Mixin
    private ModelOptions model;

    @Option(names = "--images", paramLabel = "DIR", description = "Folder of images (png, jpg, jpeg, bmp, webp, gif).")
    private Path images;

    @Option(names = "--texts", paramLabel = "FILE", description = "UTF-8 text file, one caption per line.")
    private Path texts;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Output folder (created when missing).")
    private Path out;

    @Option(names = "--normalize", description = "L2-normalize every embedding.")
    private boolean normalize;

    @Option(names = "--no-progress",
            description = "Do not show the progress bar (shown on standard error for runs of more than one batch).")
    private boolean noProgress;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (images == null && texts == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --images DIR, --texts FILE or both");
        }
        List<Path> imageFiles = images == null ? List.of() : ImageFiles.list(images);
        List<String> captions = texts == null ? List.of() : TextLines.read(texts);
        Files.createDirectories(out);
        PrintWriter stdout = spec.commandLine().getOut();
        try (DermLip lip = model.load()) {
            int dim = lip.embeddingDimension();
            if (images != null) {
                float[][] rows;
                try (ConsoleProgress bar = ConsoleProgress.start("images", imageFiles.size(), lip.batchSize(),
                        !noProgress)) {
                    rows = lip.encodeImages(imageFiles, normalize, bar);
                }
                Npy.writeFloat32(out.resolve(IMAGE_EMBEDDINGS), flatten(rows, dim), rows.length, dim);
                StringBuilder names = new StringBuilder();
                for (Path f : imageFiles) {
                    names.append(f.getFileName()).append('\n');
                }
                Files.writeString(out.resolve(IMAGE_FILES), names, StandardCharsets.UTF_8);
                stdout.printf("%d image embeddings [%d, %d] -> %s%n", rows.length, rows.length, dim,
                        out.resolve(IMAGE_EMBEDDINGS));
            }
            if (texts != null) {
                float[][] rows;
                try (ConsoleProgress bar = ConsoleProgress.start("texts", captions.size(), lip.batchSize(),
                        !noProgress)) {
                    rows = lip.encodeTexts(captions, normalize, bar);
                }
                Npy.writeFloat32(out.resolve(TEXT_EMBEDDINGS), flatten(rows, dim), rows.length, dim);
                stdout.printf("%d text embeddings [%d, %d] -> %s%n", rows.length, rows.length, dim,
                        out.resolve(TEXT_EMBEDDINGS));
            }
        }
        stdout.flush();
        return 0;
    }

    private static float[] flatten(float[][] rows, int dim) {
        float[] flat = new float[Math.multiplyExact(rows.length, dim)];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * dim, dim);
        }
        return flat;
    }
}
