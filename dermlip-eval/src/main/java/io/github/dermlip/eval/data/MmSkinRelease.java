package io.github.dermlip.eval.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The folder layout of the ZwQ803/MM-Skin release, as its repository holds it: {@code Dataframe/Pretrain/*.json}
 * (LLaVA conversation JSON for training), {@code Dataframe/test/vqa/MM-Skin_test.csv} (columns
 * {@code image,question,answer}) and {@code Dataframe/test/classification/<benchmark>_test.csv} (plus
 * {@code Patch16_2class_val.csv}; columns {@code image, atributes|attributes, categories[, set]}). Image paths in
 * these files ({@code dataset/bk5_630.png}, {@code Patch16/...}) are relative to the unpacked release folder, the
 * parent of {@code Dataframe/}, not to the CSV's own folder.
 */
final class MmSkinRelease {
    /** The release's metadata folder. */
    static final String DATAFRAME = "Dataframe";
    /** The classification CSVs, under the release root. */
    static final Path CLASSIFICATION = Path.of(DATAFRAME, "test", "classification");
    /** The VQA test files, under the release root. */
    static final Path VQA = Path.of(DATAFRAME, "test", "vqa");

    private MmSkinRelease() {}

    /** Whether {@code folder} is an unpacked release (it holds {@code Dataframe/}). */
    static boolean isRoot(Path folder) {
        return Files.isDirectory(folder.resolve(DATAFRAME));
    }

    /**
     * The folder relative image paths of a release file resolve against: the option, else the release root when
     * the file lies under a {@code Dataframe/} folder, else the file's own folder.
     */
    static Path imageRoot(Path file, LoadOptions options) {
        if (options.imageRoot() != null) {
            return options.imageRoot();
        }
        for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(DATAFRAME)) {
                return p.getParent();
            }
        }
        return ReleaseFiles.imageRoot(file, options);
    }

    /** The files of {@code folder} with the given extensions, sorted by name. */
    static List<Path> files(Path folder, List<String> extensions) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("MM-Skin: " + folder + " does not exist; expected the unpacked release's "
                    + folder.getFileName() + " folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> extensions.stream().anyMatch(e -> p.getFileName().toString()
                            .toLowerCase(Locale.ROOT).endsWith(e)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
