package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SkinCon concept annotations: a CSV with {@code ImageID} (an image file name, for the Fitzpatrick17k part
 * {@code <md5hash>.jpg}), a {@code Do not consider this image} flag and one 0/1 column per concept (48 in the
 * release). Flagged rows are dropped; every other column except a leading unnamed index is a concept. The file is
 * {@code annotations_fitzpatrick17k.csv} or {@code skincon.csv} in the folder, or any such file given directly;
 * images are looked for anywhere under the folder.
 */
public final class SkinConDataset {
    /** The annotation file names looked for, in order. */
    public static final List<String> ANNOTATIONS = List.of("annotations_fitzpatrick17k.csv", "skincon.csv");
    /** The image column. */
    public static final String IMAGE_ID = "ImageID";
    /** The exclusion flag column. */
    public static final String EXCLUDE = "Do not consider this image";
    private static final Set<String> INDEX_COLUMNS = Set.of("", "Unnamed: 0", "index");

    private SkinConDataset() {}

    /** Loads the annotations and locates their images. */
    public static ConceptDataset load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("SkinCon", options);
        Path file = ReleaseFiles.metadata("SkinCon", dataRoot, ANNOTATIONS);
        MetadataTable table = MetadataTable.read(file);
        int[] fixed = table.requireAll(List.of(IMAGE_ID, EXCLUDE));
        List<String> concepts = new ArrayList<>();
        List<Integer> conceptColumns = new ArrayList<>();
        for (int c = 0; c < table.header().size(); c++) {
            String name = table.header().get(c);
            if (c != fixed[0] && c != fixed[1] && !INDEX_COLUMNS.contains(name)) {
                concepts.add(name);
                conceptColumns.add(c);
            }
        }
        if (concepts.isEmpty()) {
            throw new DatasetException(file + ": no concept columns besides " + List.of(IMAGE_ID, EXCLUDE)
                    + "; columns found: " + table.header());
        }
        ImageLocator locator = ImageLocator.searching(ReleaseFiles.imageRoot(file, options),
                List.of("images", "final_images"));
        ImageCheck check = new ImageCheck("SkinCon", "under " + locator.root(), options.missingImages());
        List<Path> images = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        for (int r = 0; r < table.size(); r++) {
            if (table.flag(r, fixed[1])) {
                continue;
            }
            boolean[] row = new boolean[concepts.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = table.flag(r, conceptColumns.get(k));
            }
            String imageId = table.get(r, fixed[0]);
            Path image = locator.locate(imageId);
            if (check.accept(image, imageId)) {
                images.add(image);
                labels.add(row);
            }
        }
        check.finish();
        return new ConceptDataset("skincon", concepts, images, labels.toArray(new boolean[0][]));
    }
}
