package io.github.dermlip.eval.task;

import io.github.dermlip.core.table.CsvTableWriter;
import io.github.dermlip.eval.report.LatexTable;
import io.github.dermlip.eval.report.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small table of preformatted text cells (per-class metrics, per-concept AUROCs, seed runs, model comparisons)
 * rendered as CSV, GitHub Markdown and a booktabs LaTeX {@code tabular}; the leading key columns are
 * left-aligned, the value columns right-aligned.
 *
 * @param header column names
 * @param rows rows of cells, each as long as the header
 * @param keyColumns number of leading text columns (at least 1)
 */
record TextTable(List<String> header, List<List<String>> rows, int keyColumns) {

    /** Copies the lists and checks the row widths. */
    TextTable {
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
    TextTable(List<String> header, List<List<String>> rows) {
        this(header, rows, 1);
    }

    /** RFC 4180 CSV, written by core's one CSV writer. */
    String csv() {
        return CsvTableWriter.render(header, rows);
    }

    /** GitHub-flavoured Markdown. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        markdownLine(out, header);
        out.append("|").append(" --- |".repeat(keyColumns)).append(" ---: |".repeat(header.size() - keyColumns))
                .append('\n');
        rows.forEach(row -> markdownLine(out, row));
        return out.toString();
    }

    /** A LaTeX tabular with booktabs rules. */
    String latex() {
        StringBuilder out = new StringBuilder("\\begin{tabular}{").append("l".repeat(keyColumns))
                .append("r".repeat(header.size() - keyColumns)).append("}\n");
        out.append("\\toprule\n");
        latexLine(out, header);
        out.append("\\midrule\n");
        rows.forEach(row -> latexLine(out, row));
        out.append("\\bottomrule\n\\end{tabular}\n");
        return out.toString();
    }

    /**
     * Writes {@code <base>.csv}, {@code <base>.md} and {@code <base>.tex}, all from these cells.
     *
     * @return the three files
     */
    List<Path> write(Path outDir, String base) {
        return write(outDir, base, this);
    }

    /**
     * Writes {@code <base>.md} and {@code <base>.tex} from these (display) cells and {@code <base>.csv} from
     * {@code csvTable}, which holds the unformatted values.
     *
     * @return the three files
     */
    List<Path> write(Path outDir, String base, TextTable csvTable) {
        Path csv = outDir.resolve(base + ".csv");
        Path md = outDir.resolve(base + ".md");
        Path tex = outDir.resolve(base + ".tex");
        TextFiles.write(csv, csvTable.csv());
        TextFiles.write(md, markdown());
        TextFiles.write(tex, latex());
        return List.of(csv, md, tex);
    }

    private static void markdownLine(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()))
                .append(" |\n");
    }

    private static void latexLine(StringBuilder out, List<String> cells) {
        out.append(String.join(" & ", cells.stream().map(LatexTable::escape).toList())).append(" \\\\\n");
    }
}
