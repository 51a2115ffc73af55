package io.github.dermlip.eval.data;

import io.github.dermlip.core.table.CaptionManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the image-caption pairs of a public release's metadata CSV, where images are found by a
 * {@link ImageLocator} and missing ones follow a {@link MissingImagePolicy}; blank captions are left out and
 * counted (core's rule, see {@link CaptionManifest}).
 */
final class CaptionTable {

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
        CaptionManifest manifest = CaptionCsv.manifest(csv, imageColumn, captionColumn);
        ImageCheck check = new ImageCheck(dataset, "under " + locator.root(), policy);
        List<Path> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (CaptionManifest.Pair pair : manifest.captioned()) {
            Path image = locator.locate(pair.image());
            if (check.accept(image, pair.image())) {
                images.add(image);
                captions.add(pair.caption().strip());
            }
        }
        check.finish();
        CaptionCsv.logBlankCaptions(manifest, captionColumn);
        return new CaptionedImages(dataset, images, captions);
    }
}
