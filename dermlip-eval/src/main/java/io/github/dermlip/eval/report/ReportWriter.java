package io.github.dermlip.eval.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a run's standard report files into one folder: {@code metrics.json}, {@code results.csv},
 * {@code results.md}, {@code results.tex}, and one row-normalised {@code confusion_<model>_<task>_<dataset>.png}
 * per confusion matrix.
 */
public final class ReportWriter {
    private static final String RESULTS = "results";
    /** Machine-readable results. */
    public static final String METRICS_JSON = "metrics.json";
    /** One row per model, task and dataset. */
    public static final String RESULTS_CSV = RESULTS + ".csv";
    /** Markdown table. */
    public static final String RESULTS_MD = RESULTS + ".md";
    /** LaTeX booktabs table. */
    public static final String RESULTS_TEX = RESULTS + ".tex";

    private ReportWriter() {}

    /**
     * Writes every report file.
     *
     * @param outDir the folder, created when absent
     * @param doc what to report
     * @param tables how the Markdown and LaTeX tables look
     * @return the files written, in the order above
     */
    public static List<Path> writeAll(Path outDir, MetricsDocument doc, TableOptions tables) {
        List<Path> written = new ArrayList<>();
        Path json = outDir.resolve(METRICS_JSON);
        MetricsJson.write(doc, json);
        written.add(json);
        written.addAll(writeTable(outDir, RESULTS, doc.results(), tables));
        Set<String> used = new HashSet<>();
        for (ConfusionTable table : doc.confusions()) {
            String base = "confusion_" + slug(table.model()) + "_" + slug(table.task()) + "_" + slug(table.dataset());
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "-" + i;
            }
            Path png = outDir.resolve(name + ".png");
            ConfusionMatrixPlot.write(png, table.model() + " | " + table.task() + " | " + table.dataset()
                    + " (row-normalised)", table.classNames(), table.counts(), true);
            written.add(png);
        }
        return written;
    }

    /**
     * Writes result rows as {@code <base>.csv}, {@code <base>.md} and {@code <base>.tex}.
     *
     * @return the three files
     */
    public static List<Path> writeTable(Path outDir, String base, List<ResultRow> rows, TableOptions options) {
        Path csv = outDir.resolve(base + ".csv");
        Path md = outDir.resolve(base + ".md");
        Path tex = outDir.resolve(base + ".tex");
        ResultsCsv.write(rows, csv);
        TextFiles.write(md, MarkdownTable.render(rows, options));
        TextFiles.write(tex, LatexTable.render(rows, options));
        return List.of(csv, md, tex);
    }

    /** A file-name-safe form: lower case, runs of other characters replaced by one hyphen. */
    public static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" : slug;
    }
}
