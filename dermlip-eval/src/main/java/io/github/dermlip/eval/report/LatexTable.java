package io.github.dermlip.eval.report;

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
        StringBuilder out = new StringBuilder();
        out.append("\\begin{tabular}{").append("l".repeat(grid.keyColumns))
                .append("c".repeat(grid.header.size() - grid.keyColumns)).append("}\n");
        out.append("\\toprule\n");
        line(out, grid.header.stream().map(LatexTable::escape).toList());
        out.append("\\midrule\n");
        for (int r = 0; r < grid.cells.size(); r++) {
            List<String> cells = grid.cells.get(r);
            boolean[] bold = grid.bold.get(r);
            String[] shown = new String[cells.size()];
            for (int c = 0; c < shown.length; c++) {
                shown[c] = bold[c] ? "\\textbf{" + escape(cells.get(c)) + "}" : escape(cells.get(c));
            }
            line(out, List.of(shown));
        }
        out.append("\\bottomrule\n");
        out.append("\\end{tabular}\n");
        return out.toString();
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
