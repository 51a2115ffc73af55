package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * HAM10000 as released (Harvard Dataverse / ISIC 2018 task 3): {@code HAM10000_metadata.csv} with {@code image_id}
 * and {@code dx}, images {@code <image_id>.jpg} in {@code HAM10000_images_part_1/} or {@code HAM10000_images_part_2/}.
 * Labels follow {@link BuiltinClassLists#HAM10000}; {@code lesion_id}, {@code dx_type}, {@code age}, {@code sex}
 * and {@code localization} become subgroup columns when present.
 */
public final class Ham10000Dataset {
    /** The metadata file name. */
    public static final String METADATA = "HAM10000_metadata.csv";
    /** The {@code dx} codes in label order. */
    public static final List<String> DX_CODES = List.of("akiec", "bcc", "bkl", "df", "mel", "nv", "vasc");
    static final List<String> IMAGE_FOLDERS = List.of("HAM10000_images_part_1", "HAM10000_images_part_2");
    private static final List<String> GROUPS = List.of("lesion_id", "dx_type", "age", "sex", "localization");

    private Ham10000Dataset() {}

    /** Loads the release from its folder (or from the metadata file). */
    public static LabeledDataset load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("HAM10000", options);
        Path metadata = ReleaseFiles.metadata("HAM10000", dataRoot, List.of(METADATA));
        MetadataTable table = MetadataTable.read(metadata);
        int[] columns = table.requireAll(List.of("image_id", "dx"));
        int[] groups = table.findAll(GROUPS);
        LabeledItems items = new LabeledItems("HAM10000",
                ImageLocator.searching(ReleaseFiles.imageRoot(metadata, options), IMAGE_FOLDERS),
                " (expected in " + String.join("/ or ", IMAGE_FOLDERS) + "/)", options.missingImages());
        for (int r = 0; r < table.size(); r++) {
            int label = table.codeIndex(r, columns[1], DX_CODES);
            items.add(table.get(r, columns[0]) + ".jpg", label, null, table.cells(r, groups));
        }
        return new LabeledDataset("ham10000", BuiltinClassLists.HAM10000.labels(), items.finish());
    }
}
