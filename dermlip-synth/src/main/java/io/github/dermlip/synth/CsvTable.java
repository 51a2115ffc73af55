package io.github.dermlip.synth;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory CSV table with a header, written with RFC 4180 quoting (only where a value needs it) and {@code \n}
 * line ends.
 */
final class CsvTable {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private final List<String> columns;
    private final List<String[]> rows = new ArrayList<>();

    CsvTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Appends a row; it must have one value per column. */
    void add(String... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values but the table has "
                    + columns.size() + " columns " + columns);
        }
        rows.add(values.clone());
    }

    void write(Path file) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String column : columns) {
            schema.addColumn(column);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             SequenceWriter rowWriter = MAPPER.writer(schema.build().withHeader().withLineSeparator("\n"))
                     .writeValues(out)) {
            for (String[] row : rows) {
                rowWriter.write(row);
            }
        }
    }
}
