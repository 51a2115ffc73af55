package io.github.dermlip.eval.data;

import io.github.dermlip.core.table.CsvRecords;
import io.github.dermlip.core.table.TableFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A public release's metadata CSV, read whole through core's {@link CsvRecords} (UTF-8, RFC 4180 quoting,
 * line-numbered format errors), whose column and cell look-ups fail with the file name and the columns that are
 * there.
 */
final class MetadataTable {
    private final Path file;
    private final List<String> header;
    private final List<CsvRecords.Row> rows;

    private MetadataTable(Path file, List<String> header, List<CsvRecords.Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Reads a comma-separated file with a header row; fully blank lines are skipped. */
    static MetadataTable read(Path file) {
        CsvRecords records;
        try {
            records = CsvRecords.read(file, ',');
        } catch (TableFormatException e) {
            throw new DatasetException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException(file + ": not readable: " + e.getMessage(), e);
        }
        if (records.header().isEmpty()) {
            throw new DatasetException(file + ": empty CSV file, expected a header row");
        }
        return new MetadataTable(file, records.header(), records.rows());
    }

    /** The file this table was read from. */
    Path file() {
        return file;
    }

    /** Column names in file order. */
    List<String> header() {
        return header;
    }

    /** Number of data rows. */
    int size() {
        return rows.size();
    }

    /** Index of a column, or -1 when absent. */
    int find(String column) {
        return header.indexOf(column);
    }

    /** Index of a required column; the error names the file, the column and the columns found. */
    int require(String column) {
        int index = find(column);
        if (index < 0) {
            throw new DatasetException(file + ": missing column '" + column + "'; columns found: " + header);
        }
        return index;
    }

    /** Indices of required columns, all missing ones named together. */
    int[] requireAll(List<String> columns) {
        List<String> missing = new ArrayList<>();
        int[] indices = new int[columns.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = find(columns.get(i));
            if (indices[i] < 0) {
                missing.add(columns.get(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetException(file + ": missing columns " + missing + "; expected " + columns
                    + "; columns found: " + header);
        }
        return indices;
    }

    /** The stripped cell of a data row (0-based), or "" when the row is short. */
    String get(int row, int column) {
        return rows.get(row).cell(column);
    }

    /** Indices of those columns that are present, in the given order. */
    int[] findAll(List<String> columns) {
        return columns.stream().mapToInt(this::find).filter(i -> i >= 0).toArray();
    }

    /** The named cells of a row for the given columns, in column order. */
    Map<String, String> cells(int row, int[] columns) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int c : columns) {
            cells.put(header.get(c), get(row, c));
        }
        return cells;
    }

    /** Position of a cell's value in a list of codes (case-insensitive); the error lists the codes expected. */
    int codeIndex(int row, int column, List<String> codes) {
        String value = get(row, column);
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        throw cellError(row, column, "expected one of " + codes);
    }

    /** A cell read as a boolean: true/false, 1/0, 1.0/0.0 (case-insensitive). */
    boolean flag(int row, int column) {
        String value = get(row, column).toLowerCase(Locale.ROOT);
        switch (value) {
            case "true", "1", "1.0" -> {
                return true;
            }
            case "false", "0", "0.0" -> {
                return false;
            }
            default -> throw cellError(row, column, "expected True/False or 1/0");
        }
    }

    /** An error about one cell, naming file, 1-based data row, column and value. */
    DatasetException cellError(int row, int column, String problem) {
        return new DatasetException(file + ": data row " + (row + 1) + ", column '" + header.get(column) + "' = '"
                + get(row, column) + "': " + problem);
    }
}
