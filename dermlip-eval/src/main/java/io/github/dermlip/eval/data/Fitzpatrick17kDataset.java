package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Fitzpatrick17k: {@code fitzpatrick17k.csv} with {@code md5hash} and {@code label}, images {@code <md5hash>.jpg}
 * anywhere under the folder (the release ships URLs, so the download layout varies). Labels follow the 114
 * classes of {@link BuiltinClassLists#FITZPATRICK17K}; {@code fitzpatrick_scale}, {@code fitzpatrick_centaur},
 * {@code three_partition_label} and {@code nine_partition_label} become subgroup columns.
 */
public final class Fitzpatrick17kDataset {
    /** The metadata file name. */
    public static final String METADATA = "fitzpatrick17k.csv";
    private static final List<String> GROUPS = List.of("fitzpatrick_scale", "fitzpatrick_centaur",
            "three_partition_label", "nine_partition_label");

    private Fitzpatrick17kDataset() {}

    /** Loads the release from its folder (or from the metadata file). */
    public static LabeledDataset load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("Fitzpatrick17k", options);
        Path metadata = ReleaseFiles.metadata("Fitzpatrick17k", dataRoot, List.of(METADATA));
        MetadataTable table = MetadataTable.read(metadata);
        int[] columns = table.requireAll(List.of("md5hash", "label"));
        int[] groups = table.findAll(GROUPS);
        List<String> classes = BuiltinClassLists.FITZPATRICK17K.labels();
        LabeledItems items = new LabeledItems("Fitzpatrick17k",
                ImageLocator.searching(ReleaseFiles.imageRoot(metadata, options), List.of("images")),
                " (any subfolder)", options.missingImages());
        for (int r = 0; r < table.size(); r++) {
            int label = classes.indexOf(table.get(r, columns[1]));
            if (label < 0) {
                throw table.cellError(r, columns[1], "not one of the 114 Fitzpatrick17k labels");
            }
            items.add(table.get(r, columns[0]) + ".jpg", label, null, table.cells(r, groups));
        }
        return new LabeledDataset("fitzpatrick17k", classes, items.finish());
    }
}
