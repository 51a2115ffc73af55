package io.github.dermlip.eval.report;

import java.util.List;

/** Renders result rows as a GitHub-flavoured Markdown table ({@code **bold**} best values). */
public final class MarkdownTable {

    private MarkdownTable() {}

    /** The table text, ending with a newline. */
    public static String render(List<ResultRow> rows, TableOptions options) {
        ResultGrid grid = new ResultGrid(rows, options);
        StringBuilder out = new StringBuilder();
        line(out, grid.header.stream().map(MarkdownTable::escape).toList());
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < grid.header.size(); c++) {
            rule.append(c < grid.keyColumns ? " --- |" : " ---: |");
        }
        out.append(rule).append('\n');
        for (int r = 0; r < grid.cells.size(); r++) {
            List<String> cells = grid.cells.get(r);
            boolean[] bold = grid.bold.get(r);
            String[] shown = new String[cells.size()];
            for (int c = 0; c < shown.length; c++) {
                shown[c] = bold[c] ? "**" + escape(cells.get(c)) + "**" : escape(cells.get(c));
            }
            line(out, List.of(shown));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
