package io.github.dermlip.eval.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Loads a dataset by name from the folder of its public release, or a generic CSV by path.
 *
 * <p>Names: {@code ham10000, pad-ufes-20, fitzpatrick17k, ddi, isic2019, isic2020, skincon, skincap, derm1m,
 * mmskin, csv, imagefolder}, and {@code mmskin:<benchmark>}. For {@code csv} and {@code mmskin} the path is the CSV
 * file, for {@code mmskin:<benchmark>} the unpacked MM-Skin release ({@link MmSkinDataset#loadBenchmark}); for
 * {@code imagefolder} the folder of class subfolders; for the others the release folder (or its metadata file). A
 * first argument ending in {@code .csv} that is not a name is read as a generic CSV, with {@code dataRoot} (when
 * given) as the image folder.
 */
public final class DatasetRegistry {
    private static final Map<String, BiFunction<Path, LoadOptions, EvalDataset>> LOADERS = loaders();

    private DatasetRegistry() {}

    /** The dataset names {@link #load} accepts. */
    public static List<String> names() {
        return List.copyOf(LOADERS.keySet());
    }

    /** Loads with {@link LoadOptions#DEFAULT}. */
    public static EvalDataset load(String nameOrCsv, Path dataRoot) {
        return load(nameOrCsv, dataRoot, LoadOptions.DEFAULT);
    }

    /**
     * Loads a dataset.
     *
     * @param nameOrCsv a dataset name (case-insensitive) or the path of a generic CSV file
     * @param dataRoot the release folder or file (for a CSV path: the image folder, or null for the CSV's folder)
     * @param options loading options
     * @throws DatasetException naming what was expected and what was found
     */
    public static EvalDataset load(String nameOrCsv, Path dataRoot, LoadOptions options) {
        String benchmarkPrefix = MmSkinDataset.NAME + ":";
        if (nameOrCsv.toLowerCase(Locale.ROOT).startsWith(benchmarkPrefix)) {
            if (dataRoot == null) {
                throw new DatasetException(nameOrCsv + ": no data path given; expected the unpacked MM-Skin release");
            }
            return MmSkinDataset.loadBenchmark(dataRoot, nameOrCsv.substring(benchmarkPrefix.length()), options);
        }
        BiFunction<Path, LoadOptions, EvalDataset> loader = LOADERS.get(nameOrCsv.toLowerCase(Locale.ROOT));
        if (loader != null) {
            if (dataRoot == null) {
                throw new DatasetException(nameOrCsv + ": no data path given");
            }
            return loader.apply(dataRoot, options);
        }
        if (nameOrCsv.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            Path csv = Path.of(nameOrCsv);
            if (!Files.isRegularFile(csv)) {
                throw new DatasetException(csv + ": no such CSV file");
            }
            return CsvDataset.load(csv, dataRoot == null ? options : options.withImageRoot(dataRoot));
        }
        throw new DatasetException("unknown dataset '" + nameOrCsv + "'; known: " + names()
                + ", or the path of a CSV file");
    }

    /**
     * Loads a classification dataset.
     *
     * @throws DatasetException when the name is a concept or retrieval dataset
     */
    public static LabeledDataset loadLabeled(String nameOrCsv, Path dataRoot, LoadOptions options) {
        EvalDataset dataset = load(nameOrCsv, dataRoot, options);
        if (dataset instanceof LabeledDataset labeled) {
            return labeled;
        }
        throw new DatasetException("'" + nameOrCsv + "' is a " + kind(dataset) + " dataset, not a classification"
                + " dataset");
    }

    private static String kind(EvalDataset dataset) {
        return dataset instanceof ConceptDataset ? "concept annotation" : "image-caption retrieval";
    }

    private static Map<String, BiFunction<Path, LoadOptions, EvalDataset>> loaders() {
        Map<String, BiFunction<Path, LoadOptions, EvalDataset>> map = new LinkedHashMap<>();
        map.put("ham10000", Ham10000Dataset::load);
        map.put("pad-ufes-20", PadUfes20Dataset::load);
        map.put("fitzpatrick17k", Fitzpatrick17kDataset::load);
        map.put("ddi", DdiDataset::load);
        map.put("isic2019", Isic2019Dataset::load);
        map.put("isic2020", Isic2020Dataset::load);
        map.put("skincon", SkinConDataset::load);
        map.put("skincap", SkinCapDataset::load);
        map.put("derm1m", Derm1mDataset::load);
        map.put(MmSkinDataset.NAME, MmSkinDataset::load);
        map.put("csv", CsvDataset::load);
        map.put("imagefolder", ImageFolderDataset::load);
        return map;
    }
}
