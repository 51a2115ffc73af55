package io.github.dermlip.eval.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MM-Skin's classification CSVs ({@code Dataframe/test/classification/*.csv}, see {@link MmSkinRelease}): columns
 * {@code image} (a path relative to the release folder), {@code atributes} (their spelling; unused),
 * {@code categories}, a Python list literal holding one class name such as {@code ['Nevus']}, and in some files
 * {@code set} ({@code Validation}, ...), which becomes the item's split in lower case. Class order is
 * {@link LoadOptions#classNames()} when given (MM-Skin fixes it per benchmark), else the names found, sorted.
 *
 * <p>Two ways in: {@code mmskin} with the path of one CSV, or {@code mmskin:<benchmark>} with the unpacked release
 * folder, which reads {@code <benchmark>_train|val|test.csv} from its classification folder, each file's rows in
 * the split its name gives unless a {@code set} column says otherwise.
 */
public final class MmSkinDataset {
    /** Registry name of one CSV, and prefix of a benchmark name ({@code mmskin:HAM10000}). */
    public static final String NAME = "mmskin";
    /** Image column. */
    public static final String IMAGE = "image";
    /** Category column. */
    public static final String CATEGORIES = "categories";
    /** Optional split column. */
    public static final String SET = "set";
    private static final List<String> SPLITS = List.of("train", "val", "test");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private MmSkinDataset() {}

    /** Loads one MM-Skin classification CSV. */
    public static LabeledDataset load(Path csv, LoadOptions options) {
        if (Files.isDirectory(csv) && MmSkinRelease.isRoot(csv)) {
            throw new DatasetException("MM-Skin: " + csv + " is the release folder; name a benchmark as "
                    + NAME + ":<benchmark>, one of " + benchmarks(csv));
        }
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException("MM-Skin: " + csv + " is not a file; expected one of MM-Skin's classification"
                    + " CSVs (columns " + List.of(IMAGE, "atributes", CATEGORIES) + ")");
        }
        String stem = csv.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        return load(NAME + "-" + stem, List.of(csv), List.of(""), options);
    }

    /**
     * Loads a benchmark of the unpacked release: every {@code <benchmark>_<split>.csv} of its classification folder.
     *
     * @throws DatasetException when the release has no such file; the message lists the benchmarks there
     */
    public static LabeledDataset loadBenchmark(Path release, String benchmark, LoadOptions options) {
        Path folder = release.resolve(MmSkinRelease.CLASSIFICATION);
        List<Path> files = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        for (String split : SPLITS) {
            Path file = folder.resolve(benchmark + "_" + split + ".csv");
            if (Files.isRegularFile(file)) {
                files.add(file);
                splits.add(split);
            }
        }
        if (files.isEmpty()) {
            throw new DatasetException("MM-Skin: no " + benchmark + "_{train,val,test}.csv in " + folder
                    + "; benchmarks there: " + benchmarks(release));
        }
        return load(NAME + "-" + benchmark, files, splits, options);
    }

    /** The rows of {@code files} (one folder), each in its file's split unless a {@code set} column says. */
    private static LabeledDataset load(String name, List<Path> files, List<String> fileSplits, LoadOptions options) {
        List<String> images = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<String> splits = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            MetadataTable table = MetadataTable.read(files.get(f));
            int[] columns = table.requireAll(List.of(IMAGE, CATEGORIES));
            int set = table.find(SET);
            for (int r = 0; r < table.size(); r++) {
                images.add(table.get(r, columns[0]));
                categories.add(singleCategory(table, r, columns[1]));
                String split = set >= 0 ? table.get(r, set).toLowerCase(Locale.ROOT) : fileSplits.get(f);
                splits.add(split.isEmpty() ? null : split);
            }
        }
        ClassAssignment classes = ClassAssignment.of(files + " column '" + CATEGORIES + "'", categories,
                options.classNames());
        Path root = MmSkinRelease.imageRoot(files.get(0), options);
        LabeledItems items = new LabeledItems("MM-Skin " + name, ImageLocator.exact(root), "", options.missingImages());
        for (int r = 0; r < images.size(); r++) {
            items.add(images.get(r), classes.labels()[r], splits.get(r), null);
        }
        return new LabeledDataset(name, classes.classNames(), items.finish());
    }

    private static List<String> benchmarks(Path release) {
        return MmSkinRelease.files(release.resolve(MmSkinRelease.CLASSIFICATION), List.of(".csv")).stream()
                .map(p -> p.getFileName().toString().replaceFirst("_(train|val|test)\\.csv$", ""))
                .distinct().toList();
    }

    private static String singleCategory(MetadataTable table, int row, int column) {
        String cell = table.get(row, column);
        if (!cell.startsWith("[") || !cell.endsWith("]")) {
            throw table.cellError(row, column, "expected a list literal such as ['Nevus']");
        }
        List<String> names = new ArrayList<>();
        Matcher m = QUOTED.matcher(cell);
        while (m.find()) {
            names.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
        }
        if (names.size() != 1) {
            throw table.cellError(row, column, "expected exactly one category, found " + names.size());
        }
        return names.get(0);
    }
}
