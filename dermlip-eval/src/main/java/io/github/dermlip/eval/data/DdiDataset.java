package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * DDI (Diverse Dermatology Images): {@code ddi_metadata.csv} with {@code DDI_file}, {@code malignant}
 * (True/False) and {@code skin_tone}, images beside it. Labels are benign = 0, malignant = 1;
 * {@code skin_tone} (12, 34, 56) and {@code disease} become subgroup columns.
 */
public final class DdiDataset {
    /** The metadata file name. */
    public static final String METADATA = "ddi_metadata.csv";
    private static final List<String> GROUPS = List.of("skin_tone", "disease");

    private DdiDataset() {}

    /** Loads the release from its folder (or from the metadata file). */
    public static LabeledDataset load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("DDI", options);
        Path metadata = ReleaseFiles.metadata("DDI", dataRoot, List.of(METADATA));
        MetadataTable table = MetadataTable.read(metadata);
        int[] columns = table.requireAll(List.of("DDI_file", "malignant", "skin_tone"));
        int[] groups = table.findAll(GROUPS);
        LabeledItems items = new LabeledItems("DDI",
                ImageLocator.searching(ReleaseFiles.imageRoot(metadata, options), List.of()),
                " (expected beside " + METADATA + ")", options.missingImages());
        for (int r = 0; r < table.size(); r++) {
            int label = table.flag(r, columns[1]) ? 1 : 0;
            items.add(table.get(r, columns[0]), label, null, table.cells(r, groups));
        }
        return new LabeledDataset("ddi", BuiltinClassLists.DDI.labels(), items.finish());
    }
}
