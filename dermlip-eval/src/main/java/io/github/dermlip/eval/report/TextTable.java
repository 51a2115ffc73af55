package io.github.dermlip.eval.report;

import io.github.dermlip.core.table.CsvTableWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small table of preformatted text cells (per-class metrics, per-concept AUROCs, seed runs, model comparisons)
 * rendered as CSV, GitHub Markdown and a booktabs LaTeX {@code tabular}; the leading key columns are
 * left-aligned, the value columns right-aligned. Each format is written where result rows are written in it:
 * core's {@link CsvTableWriter}, {@link MarkdownTable} and {@link LatexTable}.
 *
 * @param header column names
 * @param rows rows of cells, each as long as the header
 * @param keyColumns number of leading text columns (at least 1)
 */
public record TextTable(List<String> header, List<List<String>> rows, int keyColumns) {

    /** Copies the lists and checks the row widths. */
    public TextTable {
        if (keyColumns < 1 || keyColumns > header.size()) {
            throw new IllegalArgumentException("key columns must be between 1 and " + header.size() + ", got "
                    + keyColumns);
        }
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("table row has " + row.size() + " cells for " + header.size()
                        + " columns");
            }
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    /** A table whose first column is the only key column. */
    public TextTable(List<String> header, List<List<String>> rows) {
        this(header, rows, 1);
    }

    /** RFC 4180 CSV, written by core's one CSV writer. */
    public String csv() {
        return CsvTableWriter.render(header, rows);
    }

    /** GitHub-flavoured Markdown. */
    public String markdown() {
        return MarkdownTable.render(header, rows, keyColumns);
    }

    /** A LaTeX tabular with booktabs rules. */
    public String latex() {
        return LatexTable.render(header, rows, keyColumns);
    }

    /**
     * Writes {@code <base>.csv}, {@code <base>.md} and {@code <base>.tex}, all from these cells.
     *
     * @return the three files
     */
    public List<Path> write(Path outDir, String base) {
        return write(outDir, base, this);
    }

    /**
     * Writes {@code <base>.md} and {@code <base>.tex} from these (display) cells and {@code <base>.csv} from
     * {@code csvTable}, which holds the unformatted values.
     *
     * @return the three files
     */
    public List<Path> write(Path outDir, String base, TextTable csvTable) {
        Path csv = outDir.resolve(base + ".csv");
        Path md = outDir.resolve(base + ".md");
        Path tex = outDir.resolve(base + ".tex");
        TextFiles.write(csv, csvTable.csv());
        TextFiles.write(md, markdown());
        TextFiles.write(tex, latex());
        return List.of(csv, md, tex);
    }
}
