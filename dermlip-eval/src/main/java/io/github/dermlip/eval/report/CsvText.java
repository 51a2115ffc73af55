package io.github.dermlip.eval.report;

import java.util.List;

/** RFC 4180 quoting for the CSV files this package writes. */
final class CsvText {

    private CsvText() {}

    /** One CSV line (with a newline) from its cells. */
    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        return out.append('\n').toString();
    }

    /** The cell, quoted when it holds a comma, a quote or a line break. */
    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
