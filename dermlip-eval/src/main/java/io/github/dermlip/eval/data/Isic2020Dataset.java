package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * ISIC 2020: {@code ISIC_2020_Training_GroundTruth.csv} (or its {@code _v2} revision, or any such file given
 * directly) with {@code image_name} and {@code target} (0 benign, 1 malignant), images {@code <image_name>.jpg}
 * in {@code train/} or elsewhere under the folder. {@code patient_id}, {@code sex}, {@code age_approx},
 * {@code anatom_site_general_challenge} and {@code diagnosis} become subgroup columns when present.
 */
public final class Isic2020Dataset {
    /** The ground-truth file names looked for, in order. */
    public static final List<String> GROUND_TRUTH = List.of("ISIC_2020_Training_GroundTruth.csv",
            "ISIC_2020_Training_GroundTruth_v2.csv");
    private static final List<String> GROUPS = List.of("patient_id", "sex", "age_approx",
            "anatom_site_general_challenge", "diagnosis");

    private Isic2020Dataset() {}

    /** Loads the release from its folder (or from a ground-truth file). */
    public static LabeledDataset load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("ISIC 2020", options);
        Path groundTruth = ReleaseFiles.metadata("ISIC 2020", dataRoot, GROUND_TRUTH);
        MetadataTable table = MetadataTable.read(groundTruth);
        int[] columns = table.requireAll(List.of("image_name", "target"));
        int[] groups = table.findAll(GROUPS);
        LabeledItems items = new LabeledItems("ISIC 2020",
                ImageLocator.searching(ReleaseFiles.imageRoot(groundTruth, options), List.of("train", "jpeg/train")),
                " (expected in train/)", options.missingImages());
        for (int r = 0; r < table.size(); r++) {
            int label = table.flag(r, columns[1]) ? 1 : 0;
            items.add(table.get(r, columns[0]) + ".jpg", label, null, table.cells(r, groups));
        }
        return new LabeledDataset("isic2020", BuiltinClassLists.ISIC2020.labels(), items.finish());
    }
}
