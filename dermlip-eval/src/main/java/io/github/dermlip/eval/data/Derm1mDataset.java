package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Derm1M for retrieval: a CSV with {@code filename} (relative to the Derm1M folder) and {@code truncated_caption};
 * by default the hold-out file {@code Derm1M_v2_validation.csv} or {@code derm1m-valid.csv}, or any such file given
 * directly.
 */
public final class Derm1mDataset {
    /** The metadata file names looked for, in order. */
    public static final List<String> METADATA = List.of("Derm1M_v2_validation.csv", "derm1m-valid.csv");
    /** The image column. */
    public static final String IMAGE = "filename";
    /** The caption column. */
    public static final String CAPTION = "truncated_caption";

    private Derm1mDataset() {}

    /** Loads the image-caption pairs. */
    public static CaptionedImages load(Path dataRoot, LoadOptions options) {
        ReleaseFiles.rejectClassNames("Derm1M", options);
        Path csv = ReleaseFiles.metadata("Derm1M", dataRoot, METADATA);
        return CaptionTable.read("derm1m", csv, IMAGE, CAPTION, ImageLocator.exact(ReleaseFiles.imageRoot(csv, options)),
                options.missingImages());
    }
}
