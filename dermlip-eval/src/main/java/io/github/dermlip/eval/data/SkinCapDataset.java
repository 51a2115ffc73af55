package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * SkinCAP for retrieval: {@code skincap_v240623.csv} with {@code skincap_file_path} and the English caption
 * {@code caption_zh_polish_en}; images in {@code skincap/} (or elsewhere under the folder).
 */
public final class SkinCapDataset {
    /** The metadata file name. */
    public static final String METADATA = "skincap_v240623.csv";
    /** The image column. */
    public static final String IMAGE = "skincap_file_path";
    /** The English caption column. */
    public static final String CAPTION = "caption_zh_polish_en";

    private SkinCapDataset() {}

    /** Loads the image-caption pairs. */
    public static CaptionedImages load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("SkinCAP", options);
        Path csv = ReleaseFiles.metadata("SkinCAP", dataRoot, List.of(METADATA));
        ImageLocator locator = ImageLocator.searching(ReleaseFiles.imageRoot(csv, options), List.of("skincap"));
        return CaptionTable.read("skincap", csv, IMAGE, CAPTION, locator, options.missingImages());
    }
}
