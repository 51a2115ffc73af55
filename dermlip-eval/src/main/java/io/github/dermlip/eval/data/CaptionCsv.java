package io.github.dermlip.eval.data;

import io.github.dermlip.core.table.CaptionManifest;
import io.github.dermlip.core.table.TableFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads image-caption pairs from any CSV with a header row through core's {@link CaptionManifest}, as open_clip's
 * {@code CsvDataset} does: one column names the image ({@value #DEFAULT_IMAGE_KEY} by default, open_clip's
 * {@code --csv-img-key}), another holds its caption ({@value #DEFAULT_CAPTION_KEY} by default,
 * {@code --csv-caption-key}). Relative image paths are resolved against an image folder (the CSV's folder by
 * default). Records with a blank caption are left out and counted (core's rule); a missing image, an empty image
 * path or a missing column is an error naming the file and the line.
 */
public final class CaptionCsv {
    /** open_clip's default image column. */
    public static final String DEFAULT_IMAGE_KEY = "filepath";
    /** open_clip's default caption column. */
    public static final String DEFAULT_CAPTION_KEY = "title";
    private static final System.Logger LOG = System.getLogger(CaptionCsv.class.getName());

    private CaptionCsv() {}

    /**
     * Reads the pairs; the dataset is named after the file.
     *
     * @param csv the CSV file
     * @param imageRoot folder of relative image paths, or null for the CSV's folder
     * @param imageKey the image column
     * @param captionKey the caption column
     * @throws DatasetException naming the file, column or line at fault
     */
    public static CaptionedImages read(Path csv, Path imageRoot, String imageKey, String captionKey) {
        CaptionManifest manifest = manifest(csv, imageKey, captionKey);
        Path root = imageRoot != null ? imageRoot : csv.toAbsolutePath().getParent();
        List<Path> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (CaptionManifest.Pair pair : manifest.captioned()) {
            if (pair.image().isEmpty()) {
                throw new DatasetException(csv + ": line " + pair.line() + ": empty '" + imageKey + "'");
            }
            Path file = root.resolve(pair.image());
            if (!Files.isRegularFile(file)) {
                throw new DatasetException(csv + ": line " + pair.line() + ": image '" + pair.image()
                        + "' not found under " + root);
            }
            images.add(file);
            captions.add(pair.caption().strip());
        }
        if (images.isEmpty()) {
            throw new DatasetException(csv + ": no data rows with a caption");
        }
        logBlankCaptions(manifest, captionKey);
        String name = csv.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
        return new CaptionedImages(name, images, captions);
    }

    /** Reads a comma-separated caption manifest, turning a format error into a {@link DatasetException}. */
    static CaptionManifest manifest(Path csv, String imageKey, String captionKey) {
        try {
            return CaptionManifest.read(csv, imageKey, captionKey, ',');
        } catch (TableFormatException e) {
            throw new DatasetException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException(csv + ": not readable: " + e.getMessage(), e);
        }
    }

    /** Reports the records core's blank-caption rule left out. */
    static void logBlankCaptions(CaptionManifest manifest, String captionKey) {
        if (manifest.blankCaptions() > 0) {
            LOG.log(System.Logger.Level.INFO, manifest.file() + ": " + manifest.blankCaptions()
                    + " rows with an empty '" + captionKey + "' left out");
        }
    }
}
