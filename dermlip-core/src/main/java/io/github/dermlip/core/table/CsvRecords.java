package io.github.dermlip.core.table;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
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
 * A delimited text file with a header record, read as a stream into memory: UTF-8 (a byte-order mark is dropped), RFC 4180 quoting
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
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int start = 1;
        try (Reader reader = open(file);
                MappingIterator<String[]> records = MAPPER.readerFor(String[].class).with(schema).readValues(reader)) {
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
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        } catch (JsonProcessingException | RuntimeJsonMappingException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(file);
            }
            throw malformed(file, start, e);
        }
        return new CsvRecords(file, header == null ? List.of() : header, rows);
    }

    /** The separator for a manifest without one: a comma for a {@code .csv} whose header has no tab, else a tab. */
    public static char guessSeparator(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return '\t';
        }
        try (BufferedReader reader = open(file)) {
            String header = reader.readLine();
            return header == null || header.indexOf('\t') < 0 ? ',' : '\t';
        } catch (CharacterCodingException e) {
            throw notUtf8(file);
        }
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

    /**
     * A strict UTF-8 reader (bytes that are not UTF-8 raise {@link CharacterCodingException}, never become a
     * replacement character), past a byte-order mark.
     */
    private static BufferedReader open(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new TableFormatException(file + ": no such file", e);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /**
     * The error for a file that is not UTF-8, naming the line and byte: a second pass decodes the bytes chunk by
     * chunk up to the first bad sequence, counting line ends, so the normal read stays a stream.
     */
    private static TableFormatException notUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        long offset = 0;
        int line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                int before = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                for (int i = before; i < bytes.position(); i++) {
                    if (bytes.get(i) == '\n') {
                        line++;
                    }
                }
                offset += bytes.position() - before;
                if (result.isError()) {
                    int bad = bytes.get(bytes.position()) & 0xff;
                    return new TableFormatException(file + ": line " + line + ": byte 0x" + Integer.toHexString(bad)
                            + " at offset " + offset
                            + " is not UTF-8 (save the file as UTF-8; Latin-1 and Windows-1252 are not read)");
                }
                chars.clear();
                bytes.compact();
            }
        }
        return new TableFormatException(file + ": not UTF-8 (save the file as UTF-8)");
    }
}
