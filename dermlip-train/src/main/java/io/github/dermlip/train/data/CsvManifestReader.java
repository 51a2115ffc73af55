package io.github.dermlip.train.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV or TSV manifest (RFC 4180 quoting: fields may hold separators, quotes and newlines) into a
 * {@link ManifestSource}.
 *
 * <p>The first record is the header. Only the image and caption columns are used; any other columns are
 * ignored. The separator follows {@link ManifestOptions}' rule. A UTF-8 byte-order mark is skipped.
 */
public final class CsvManifestReader {
    private static final char BOM = '\uFEFF';
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private CsvManifestReader() {}

    /**
     * Reads the manifest.
     *
     * @throws ManifestException when it is empty, lacks a column (the message lists the columns it has) or
     *     has a record too short to hold the columns
     */
    public static ManifestSource read(Path manifest, ManifestOptions options) throws IOException {
        char separator = options.separator() != null ? options.separator() : chooseSeparator(manifest);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<ManifestEntry> entries = new ArrayList<>();
        try (Reader reader = openSkippingBom(manifest);
                MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(schema).readValues(reader)) {
            if (!records.hasNext()) {
                throw new ManifestException("manifest " + manifest + " is empty: expected a header line naming the"
                        + " columns '" + options.imageKey() + "' and '" + options.captionKey() + "'");
            }
            List<String> header = Arrays.asList(records.next());
            int imageColumn = column(manifest, header, options.imageKey(), "image", separator);
            int captionColumn = column(manifest, header, options.captionKey(), "caption", separator);
            int needed = Math.max(imageColumn, captionColumn) + 1;
            int record = 0;
            while (records.hasNext()) {
                String[] fields = records.next();
                record++;
                if (fields.length < needed) {
                    throw new ManifestException("manifest " + manifest + " record " + record + " (line "
                            + records.getCurrentLocation().getLineNr() + ") has " + fields.length
                            + " fields, but column '" + header.get(needed - 1) + "' is field " + needed);
                }
                entries.add(new ManifestEntry(fields[imageColumn], fields[captionColumn]));
            }
        } catch (JsonProcessingException e) {
            throw new ManifestException("manifest " + manifest + " is not valid CSV with separator "
                    + describe(separator) + ": " + e.getOriginalMessage(), e);
        }
        return new ManifestSource(manifest.toString(), options.resolveImageRoot(manifest), entries);
    }

    /** {@link ManifestOptions}' rule for an unset separator: a comma for a {@code .csv} whose header has no tab. */
    static char chooseSeparator(Path manifest) throws IOException {
        String name = manifest.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv")) {
            return '\t';
        }
        try (BufferedReader reader = openSkippingBom(manifest)) {
            String header = reader.readLine();
            return header != null && header.indexOf('\t') < 0 ? ',' : '\t';
        }
    }

    private static int column(Path manifest, List<String> header, String key, String role, char separator)
            throws ManifestException {
        int index = header.indexOf(key);
        if (index >= 0) {
            return index;
        }
        StringBuilder message = new StringBuilder()
                .append("manifest ").append(manifest).append(" has no ").append(role).append(" column '")
                .append(key).append("'; available columns: ").append(header)
                .append(" (separator ").append(describe(separator)).append(')');
        if (header.size() == 1) {
            message.append("; the header was read as a single column, so the separator may be wrong");
        }
        throw new ManifestException(message.toString());
    }

    private static String describe(char separator) {
        return separator == '\t' ? "'\\t'" : "'" + separator + "'";
    }

    private static BufferedReader openSkippingBom(Path manifest) throws IOException {
        BufferedReader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        return reader;
    }
}
