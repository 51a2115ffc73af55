package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * ISIC 2019: a one-hot ground-truth CSV ({@code image}, MEL, NV, BCC, AK, BKL, DF, VASC, SCC and optionally UNK;
 * by default {@code ISIC_2019_Training_GroundTruth.csv}, or any such file given directly) and images
 * {@code <image>.jpg} in {@code ISIC_2019_Training_Input/} or elsewhere under the folder. Labels follow
 * {@link BuiltinClassLists#ISIC2019}; rows whose diagnosis is UNK (none of the eight classes) are left out, as no
 * class stands for them.
 */
public final class Isic2019Dataset {
    /** The training ground-truth file name. */
    public static final String GROUND_TRUTH = "ISIC_2019_Training_GroundTruth.csv";
    /** The one-hot columns in label order. */
    public static final List<String> CLASS_COLUMNS = List.of("MEL", "NV", "BCC", "AK", "BKL", "DF", "VASC", "SCC");
    private static final String UNKNOWN = "UNK";
    private static final System.Logger LOG = System.getLogger(Isic2019Dataset.class.getName());

    private Isic2019Dataset() {}

    /** Loads the release from its folder (or from a ground-truth file). */
    public static LabeledDataset load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("ISIC 2019", options);
        Path groundTruth = ReleaseFiles.metadata("ISIC 2019", dataRoot, List.of(GROUND_TRUTH));
        MetadataTable table = MetadataTable.read(groundTruth);
        int image = table.require("image");
        int[] classColumns = table.requireAll(CLASS_COLUMNS);
        int unknown = table.find(UNKNOWN);
        LabeledItems items = new LabeledItems("ISIC 2019",
                ImageLocator.searching(ReleaseFiles.imageRoot(groundTruth, options),
                        List.of("ISIC_2019_Training_Input", "ISIC_2019_Test_Input")),
                " (expected in ISIC_2019_Training_Input/)", options.missingImages());
        int unknownRows = 0;
        for (int r = 0; r < table.size(); r++) {
            if (unknown >= 0 && isSet(table, r, unknown)) {
                unknownRows++;
                continue;
            }
            List<String> set = new ArrayList<>();
            int label = -1;
            for (int k = 0; k < classColumns.length; k++) {
                if (isSet(table, r, classColumns[k])) {
                    set.add(CLASS_COLUMNS.get(k));
                    label = k;
                }
            }
            if (set.size() != 1) {
                throw new DatasetException(groundTruth + ": data row " + (r + 1) + " (" + table.get(r, image)
                        + "): expected exactly one of " + CLASS_COLUMNS + " set to 1, found " + set);
            }
            items.add(table.get(r, image) + ".jpg", label, null, null);
        }
        if (unknownRows > 0) {
            LOG.log(System.Logger.Level.INFO, groundTruth + ": " + unknownRows + " rows labelled UNK left out");
        }
        return new LabeledDataset("isic2019", BuiltinClassLists.ISIC2019.labels(), items.finish());
    }

    private static boolean isSet(MetadataTable table, int row, int column) {
        try {
            return Double.parseDouble(table.get(row, column)) > 0.5;
        } catch (NumberFormatException e) {
            throw table.cellError(row, column, "expected 0 or 1");
        }
    }
}
