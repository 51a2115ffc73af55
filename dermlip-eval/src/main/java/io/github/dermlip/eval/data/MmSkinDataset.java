package io.github.dermlip.eval.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MM-Skin's classification CSVs ({@code Dataframe/test/classification/*.csv}): columns {@code image} (a path
 * relative to the image folder, by default the CSV's folder), {@code atributes} (their spelling; unused) and
 * {@code categories}, a Python list literal holding one class name such as {@code ['Nevus']}. Class order is
 * {@link LoadOptions#classNames()} when given (MM-Skin fixes it per benchmark), else the names found, sorted.
 */
public final class MmSkinDataset {
    /** Image column. */
    public static final String IMAGE = "image";
    /** Category column. */
    public static final String CATEGORIES = "categories";
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    private MmSkinDataset() {}

    /** Loads one MM-Skin classification CSV. */
    public static LabeledDataset load(Path csv, LoadOptions options) {
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException("MM-Skin: " + csv + " is not a file; expected one of MM-Skin's classification"
                    + " CSVs (columns " + List.of(IMAGE, "atributes", CATEGORIES) + ")");
        }
        MetadataTable table = MetadataTable.read(csv);
        int[] columns = table.requireAll(List.of(IMAGE, CATEGORIES));
        List<String> categories = new ArrayList<>(table.size());
        for (int r = 0; r < table.size(); r++) {
            categories.add(singleCategory(table, r, columns[1]));
        }
        ClassAssignment classes = ClassAssignment.of(csv + " column '" + CATEGORIES + "'", categories,
                options.classNames());
        String stem = csv.getFileName().toString().replaceFirst("\\.csv$", "");
        LabeledItems items = new LabeledItems("MM-Skin " + stem, ImageLocator.exact(ReleaseFiles.imageRoot(csv, options)),
                "", options.missingImages());
        for (int r = 0; r < table.size(); r++) {
            items.add(table.get(r, columns[0]), classes.labels()[r], null, null);
        }
        return new LabeledDataset("mmskin-" + stem, classes.classNames(), items.finish());
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
