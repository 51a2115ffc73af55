package io.github.dermlip.eval.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The generic CSV format: columns {@code image_path} and {@code label}, optionally {@code split}; every other
 * column becomes a subgroup column. Image paths are absolute or relative to the CSV's folder (or
 * {@link LoadOptions#imageRoot()}); labels are class names or integer indices (see {@link LoadOptions#classNames()}).
 * DermLIP's own evaluation CSVs ({@code image_path,label}) have this form.
 */
public final class CsvDataset {
    /** Required image column. */
    public static final String IMAGE = "image_path";
    /** Required label column. */
    public static final String LABEL = "label";
    /** Optional split column. */
    public static final String SPLIT = "split";

    private CsvDataset() {}

    /** Reads a CSV file; the dataset is named after the file. */
    public static LabeledDataset load(Path csv, LoadOptions options) {
        if (Files.isDirectory(csv)) {
            throw new DatasetException(csv + " is a folder; the CSV loader expects a CSV file with columns "
                    + List.of(IMAGE, LABEL) + " (use 'imagefolder' for one subfolder per class)");
        }
        MetadataTable table = MetadataTable.read(csv);
        int[] required = table.requireAll(List.of(IMAGE, LABEL));
        int split = table.find(SPLIT);
        int[] groups = IntStream.range(0, table.header().size())
                .filter(c -> c != required[0] && c != required[1] && c != split).toArray();
        List<String> values = new ArrayList<>(table.size());
        for (int r = 0; r < table.size(); r++) {
            values.add(table.get(r, required[1]));
        }
        ClassAssignment classes = ClassAssignment.of(csv + " column '" + LABEL + "'", values, options.classNames());
        String name = stem(csv);
        LabeledItems items = new LabeledItems(name, ImageLocator.exact(ReleaseFiles.imageRoot(csv, options)),
                "", options.missingImages());
        for (int r = 0; r < table.size(); r++) {
            String image = table.get(r, required[0]);
            if (image.isEmpty()) {
                throw table.cellError(r, required[0], "empty image path");
            }
            String s = split < 0 ? "" : table.get(r, split);
            items.add(image, classes.labels()[r], s.isEmpty() ? null : s, table.cells(r, groups));
        }
        return new LabeledDataset(name, classes.classNames(), items.finish());
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
