package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * PAD-UFES-20 as released: {@code metadata.csv} with {@code img_id} (a file name such as
 * {@code PAT_1516_1762_14.png}) and {@code diagnostic}, images under {@code images/}, possibly split into
 * {@code imgs_part_1..3/}. Labels follow {@link BuiltinClassLists#PAD_UFES_20}; {@code patient_id},
 * {@code lesion_id}, {@code fitspatrick} (the release's spelling), {@code gender}, {@code age} and {@code region}
 * become subgroup columns when present.
 */
public final class PadUfes20Dataset {
    /** The metadata file name. */
    public static final String METADATA = "metadata.csv";
    /** The {@code diagnostic} codes in label order. */
    public static final List<String> DIAGNOSTIC_CODES = List.of("NEV", "BCC", "ACK", "SEK", "SCC", "MEL");
    private static final List<String> IMAGE_FOLDERS = List.of("images", "images/imgs_part_1", "images/imgs_part_2",
            "images/imgs_part_3");
    private static final List<String> GROUPS = List.of("patient_id", "lesion_id", "fitspatrick", "gender", "age",
            "region");

    private PadUfes20Dataset() {}

    /** Loads the release from its folder (or from the metadata file). */
    public static LabeledDataset load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("PAD-UFES-20", options);
        Path metadata = ReleaseFiles.metadata("PAD-UFES-20", dataRoot, List.of(METADATA));
        MetadataTable table = MetadataTable.read(metadata);
        int[] columns = table.requireAll(List.of("img_id", "diagnostic"));
        int[] groups = table.findAll(GROUPS);
        LabeledItems items = new LabeledItems("PAD-UFES-20",
                ImageLocator.searching(ReleaseFiles.imageRoot(metadata, options), IMAGE_FOLDERS),
                " (expected in images/ or images/imgs_part_1..3/)", options.missingImages());
        for (int r = 0; r < table.size(); r++) {
            int label = table.codeIndex(r, columns[1], DIAGNOSTIC_CODES);
            items.add(table.get(r, columns[0]), label, null, table.cells(r, groups));
        }
        return new LabeledDataset("pad-ufes-20", BuiltinClassLists.PAD_UFES_20.labels(), items.finish());
    }
}
