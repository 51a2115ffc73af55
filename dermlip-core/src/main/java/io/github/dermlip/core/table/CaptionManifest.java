package io.github.dermlip.core.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image-caption pairs of a CSV or TSV manifest with a header, as open_clip's {@code CsvDataset} reads them: one
 * column names the image, another holds its caption, other columns are ignored. Training, evaluation and the demo
 * all read captions through this class.
 *
 * <p>Blank captions, the library's one rule: a record whose caption is empty or only whitespace is left out and
 * counted, and the count is reported; it never becomes an empty-text pair and never fails a whole file (public
 * releases such as SkinCAP have a few). Evaluation and the demo take {@link #captioned()} and report
 * {@link #blankCaptions()}; training keeps every record in {@link #pairs()} so that its loader leaves the blank
 * ones out as bad samples, counted by position in its bad-sample report like every other unusable sample. A blank
 * image path is kept: what it means (a bad sample, an error) is the caller's rule.
 *
 * @param file the manifest
 * @param pairs every record, in file order
 */
public record CaptionManifest(Path file, List<Pair> pairs) {

    /**
     * One image-caption record.
     *
     * @param line the 1-based line on which the record starts
     * @param image the image path as written (stripped); blank when the record has none
     * @param caption the caption as written
     */
    public record Pair(int line, String image, String caption) {

        /** Whether the caption is empty or only whitespace. */
        public boolean blankCaption() {
            return caption.isBlank();
        }
    }

    /** Copies the list. */
    public CaptionManifest {
        pairs = List.copyOf(pairs);
    }

    /** The records with a caption, in file order. */
    public List<Pair> captioned() {
        return pairs.stream().filter(pair -> !pair.blankCaption()).toList();
    }

    /** The number of records whose caption is blank. */
    public int blankCaptions() {
        return (int) pairs.stream().filter(Pair::blankCaption).count();
    }

    /**
     * Reads the manifest.
     *
     * @param separator the field separator, or null for {@link CsvRecords#guessSeparator}'s rule
     * @throws TableFormatException naming the file and the line or the missing column (with the columns it has)
     */
    public static CaptionManifest read(Path file, String imageKey, String captionKey, Character separator)
            throws IOException {
        char chosen = separator != null ? separator : CsvRecords.guessSeparator(file);
        CsvRecords records = CsvRecords.read(file, chosen);
        if (records.header().isEmpty()) {
            throw new TableFormatException(file + ": empty file, expected a header line naming the columns '"
                    + imageKey + "' and '" + captionKey + "'");
        }
        int imageColumn = column(records, imageKey, "image", chosen);
        int captionColumn = column(records, captionKey, "caption", chosen);
        int needed = Math.max(imageColumn, captionColumn) + 1;
        List<Pair> pairs = new ArrayList<>();
        int number = 0;
        for (CsvRecords.Row row : records.rows()) {
            number++;
            if (row.cells().length < needed) {
                throw new TableFormatException(file + ": record " + number + " (line " + row.line() + ") has "
                        + row.cells().length + " fields, but column '" + records.header().get(needed - 1)
                        + "' is field " + needed);
            }
            pairs.add(new Pair(row.line(), row.cell(imageColumn), row.cells()[captionColumn]));
        }
        return new CaptionManifest(file, pairs);
    }

    private static int column(CsvRecords records, String key, String role, char separator)
            throws TableFormatException {
        int index = records.find(key);
        if (index >= 0) {
            return index;
        }
        StringBuilder message = new StringBuilder()
                .append(records.file()).append(": no ").append(role).append(" column '").append(key)
                .append("'; available columns: ").append(records.header())
                .append(" (separator ").append(separator == '\t' ? "'\\t'" : "'" + separator + "'").append(')');
        if (records.header().size() == 1) {
            message.append("; the header was read as a single column, so the separator may be wrong");
        }
        throw new TableFormatException(message.toString());
    }
}
