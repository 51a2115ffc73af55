package io.github.dermlip.eval.report;

import java.util.ArrayList;
import java.util.List;

/** Renders result rows as a GitHub-flavoured Markdown table ({@code **bold**} best values). */
public final class MarkdownTable {

    private MarkdownTable() {}

    /** The table text, ending with a newline. */
    public static String render(List<ResultRow> rows, TableOptions options) {
        ResultGrid grid = new ResultGrid(rows, options);
        List<List<String>> shown = new ArrayList<>();
        for (int r = 0; r < grid.cells.size(); r++) {
            List<String> cells = grid.cells.get(r);
            boolean[] bold = grid.bold.get(r);
            List<String> row = new ArrayList<>(cells.size());
            for (int c = 0; c < cells.size(); c++) {
                row.add(bold[c] ? "**" + escape(cells.get(c)) + "**" : escape(cells.get(c)));
            }
            shown.add(row);
        }
        return table(escaped(grid.header), shown, grid.keyColumns);
    }

    /**
     * A table of plain text cells, escaped here, the first {@code keyColumns} left-aligned and the others
     * right-aligned; ends with a newline.
     */
    public static String render(List<String> header, List<List<String>> rows, int keyColumns) {
        return table(escaped(header), rows.stream().map(MarkdownTable::escaped).toList(), keyColumns);
    }

    private static String table(List<String> header, List<List<String>> rows, int keyColumns) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        StringBuilder rule = new StringBuilder("|");
        for (int c = 0; c < header.size(); c++) {
            rule.append(c < keyColumns ? " --- |" : " ---: |");
        }
        out.append(rule).append('\n');
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static List<String> escaped(List<String> cells) {
        return cells.stream().map(MarkdownTable::escape).toList();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
