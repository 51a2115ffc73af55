package io.github.dermlip.core.table;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A delimited text file with a header record, read whole: UTF-8 (a byte-order mark is dropped), RFC 4180 quoting
 * (fields may hold separators, quotes and newlines), fully blank records skipped. Every problem is a
 * {@link TableFormatException} naming the file and the line: bytes that are not UTF-8, an unbalanced quote, a
 * file that is not there. A file with no record at all has an empty header, so the caller's column check names
 * what it expected.
 *
 * @param file the file read
 * @param header the header's column names, stripped
 * @param rows the data records in file order
 */
public record CsvRecords(Path file, List<String> header, List<Row> rows) {
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    /**
     * One data record.
     *
     * @param line the 1-based line of the file on which the record starts
     * @param cells the fields as written (not stripped)
     */
    public record Row(int line, String[] cells) {

        /** The stripped field, or "" when the record is too short to have it. */
        public String cell(int column) {
            return column < cells.length ? cells[column].strip() : "";
        }
    }

    /** Copies the lists. */
    public CsvRecords {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * Reads the file.
     *
     * @param separator the field separator, for example {@code ','} or {@code '\t'}
     * @throws TableFormatException when the file is missing, not UTF-8 or not well-formed
     */
    public static CsvRecords read(Path file, char separator) throws IOException {
        String text = decode(file);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int start = 1;
        try (MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(schema)
                .readValues(new StringReader(text))) {
            while (records.hasNextValue()) {
                String[] record = records.nextValue();
                int next = records.getCurrentLocation().getLineNr();
                if (!blank(record)) {
                    if (header == null) {
                        header = Arrays.stream(record).map(String::strip).toList();
                    } else {
                        rows.add(new Row(start, record));
                    }
                }
                start = next;
            }
        } catch (JsonProcessingException | RuntimeJsonMappingException e) {
            throw malformed(file, start, e);
        }
        return new CsvRecords(file, header == null ? List.of() : header, rows);
    }

    /** The separator for a manifest without one: a comma for a {@code .csv} whose header has no tab, else a tab. */
    public static char guessSeparator(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return '\t';
        }
        String text = decode(file);
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        return header.indexOf('\t') < 0 ? ',' : '\t';
    }

    /** Index of a column, or -1 when the header does not have it. */
    public int find(String column) {
        return header.indexOf(column);
    }

    private static boolean blank(String[] record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static TableFormatException malformed(Path file, int line, Exception e) {
        Throwable cause = e instanceof RuntimeJsonMappingException && e.getCause() != null ? e.getCause() : e;
        String problem = cause instanceof JsonProcessingException p ? p.getOriginalMessage() : cause.getMessage();
        if (problem != null && problem.contains("Missing closing quote")) {
            problem = "a quoted field opened in this record is never closed (unbalanced '\"')";
        }
        JsonLocation at = cause instanceof JsonProcessingException p ? p.getLocation() : null;
        String where = at != null && at.getLineNr() > line ? "lines " + line + "-" + at.getLineNr() : "line " + line;
        return new TableFormatException(file + ": " + where + ": not well-formed CSV: " + problem, e);
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is an error naming its line, never a replacement character. */
    private static String decode(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TableFormatException(file + ": no such file", e);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new TableFormatException(file + ": line " + line + ": byte 0x"
                    + Integer.toHexString(bytes[in.position()] & 0xff) + " at offset " + in.position()
                    + " is not UTF-8 (save the file as UTF-8; Latin-1 and Windows-1252 are not read)");
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
