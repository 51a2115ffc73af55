package io.github.dermlip.core.table;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.dermlip.core.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The library's one CSV writer: a header, then rows, RFC 4180 quoting only where a value needs it, {@code \n}
 * line ends, UTF-8. Files are written atomically ({@link AtomicFiles}), so a reader never sees half a table.
 */
public final class CsvTableWriter {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private CsvTableWriter() {}

    /** The CSV text of a table; every row has one value per column. */
    public static String render(List<String> columns, Iterable<? extends List<String>> rows) {
        StringWriter out = new StringWriter();
        try {
            write(out, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }

    /** Writes the table to {@code file} atomically, creating its folder. */
    public static void write(Path file, List<String> columns, Iterable<? extends List<String>> rows)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        AtomicFiles.write(file, stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            write(out, columns, rows);
            out.flush();
        });
    }

    private static void write(Writer out, List<String> columns, Iterable<? extends List<String>> rows)
            throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String column : columns) {
            schema.addColumn(column);
        }
        try (SequenceWriter rowWriter = MAPPER.writer(schema.build().withHeader().withLineSeparator("\n"))
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(out)) {
            int number = 0;
            for (List<String> row : rows) {
                number++;
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("row " + number + " has " + row.size()
                            + " values but the table has " + columns.size() + " columns " + columns);
                }
                rowWriter.write(row.toArray(String[]::new));
            }
        }
    }
}
