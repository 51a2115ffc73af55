package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads image-caption pairs from a CSV with an image column and a caption column; blank captions are left out. */
final class CaptionTable {
    private static final System.Logger LOG = System.getLogger(CaptionTable.class.getName());

    private CaptionTable() {}

    /**
     * @param dataset dataset name
     * @param csv the metadata file
     * @param imageColumn the column naming each image
     * @param captionColumn the column holding each caption
     * @param locator where the images are
     * @param policy what to do about missing images
     */
    static CaptionedImages read(String dataset, Path csv, String imageColumn, String captionColumn,
            ImageLocator locator, MissingImagePolicy policy) {
        CsvTable table = CsvTable.read(csv);
        int[] columns = table.requireAll(List.of(imageColumn, captionColumn));
        ImageCheck check = new ImageCheck(dataset, "under " + locator.root(), policy);
        List<Path> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int blank = 0;
        for (int r = 0; r < table.size(); r++) {
            String caption = table.get(r, columns[1]);
            if (caption.isEmpty()) {
                blank++;
                continue;
            }
            String name = table.get(r, columns[0]);
            Path image = locator.locate(name);
            if (check.accept(image, name)) {
                images.add(image);
                captions.add(caption);
            }
        }
        check.finish();
        if (blank > 0) {
            LOG.log(System.Logger.Level.INFO, csv + ": " + blank + " rows with an empty '" + captionColumn
                    + "' left out");
        }
        return new CaptionedImages(dataset, images, captions);
    }
}
