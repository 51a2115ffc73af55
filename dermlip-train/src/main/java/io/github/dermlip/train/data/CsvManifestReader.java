package io.github.dermlip.train.data;

import io.github.dermlip.core.table.CaptionManifest;
import io.github.dermlip.core.table.TableFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV or TSV manifest into a {@link ManifestSource} through core's {@link CaptionManifest}, with its
 * quoting, UTF-8 and line-numbered errors. Every record is kept: a blank caption is left out and counted by the
 * loader as a bad sample ({@link BadSampleReason#EMPTY_CAPTION}), core's blank-caption rule. The separator follows
 * {@link ManifestOptions}' rule.
 */
public final class CsvManifestReader {
    private CsvManifestReader() {}

    /**
     * Reads the manifest.
     *
     * @throws ManifestException when it is empty, not UTF-8, not well-formed, lacks a column (the message lists
     *     the columns it has) or has a record too short to hold the columns; the message names the file and line
     */
    public static ManifestSource read(Path manifest, ManifestOptions options) throws IOException {
        CaptionManifest pairs;
        try {
            pairs = CaptionManifest.read(manifest, options.imageKey(), options.captionKey(), options.separator());
        } catch (TableFormatException e) {
            throw new ManifestException("manifest " + e.getMessage(), e);
        }
        List<ManifestEntry> entries = new ArrayList<>(pairs.pairs().size());
        for (CaptionManifest.Pair pair : pairs.pairs()) {
            entries.add(new ManifestEntry(pair.image(), pair.caption()));
        }
        return new ManifestSource(manifest.toString(), options.resolveImageRoot(manifest), entries);
    }
}
