package io.github.dermlip.eval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders result rows as a LaTeX {@code tabular} with booktabs rules ({@code \toprule}, {@code \midrule},
 * {@code \bottomrule}; needs the booktabs package), key columns left-aligned, metric columns centred,
 * best values in {@code \textbf}. Text is escaped for LaTeX.
 */
public final class LatexTable {

    private LatexTable() {}

    /** The tabular environment, ending with a newline. */
    public static String render(List<ResultRow> rows, TableOptions options) {
        ResultGrid grid = new ResultGrid(rows, options);
        List<List<String>> shown = new ArrayList<>();
        for (int r = 0; r < grid.cells.size(); r++) {
            List<String> cells = grid.cells.get(r);
            boolean[] bold = grid.bold.get(r);
            List<String> row = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                row.add(bold[c] ? "\\textbf{" + escape(cells.get(c)) + "}" : escape(cells.get(c)));
            }
            shown.add(row);
        }
        return table(escaped(grid.header), shown, grid.keyColumns, 'c');
    }

    /**
     * A tabular of plain text cells, escaped here, the first {@code keyColumns} left-aligned and the others
     * right-aligned (numbers preformatted to a common width read best so); ends with a newline.
     */
    public static String render(List<String> header, List<List<String>> rows, int keyColumns) {
        return table(escaped(header), rows.stream().map(LatexTable::escaped).toList(), keyColumns, 'r');
    }

    private static String table(List<String> header, List<List<String>> rows, int keyColumns, char valueAlignment) {
        StringBuilder out = new StringBuilder();
        out.append("\\begin{tabular}{").append("l".repeat(keyColumns))
                .append(String.valueOf(valueAlignment).repeat(header.size() - keyColumns)).append("}\n");
        out.append("\\toprule\n");
        line(out, header);
        out.append("\\midrule\n");
        rows.forEach(row -> line(out, row));
        out.append("\\bottomrule\n");
        out.append("\\end{tabular}\n");
        return out.toString();
    }

    private static List<String> escaped(List<String> cells) {
        return cells.stream().map(LatexTable::escape).toList();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(String.join(" & ", cells)).append(" \\\\\n");
    }

    /** Escapes the characters LaTeX treats specially in text mode. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
