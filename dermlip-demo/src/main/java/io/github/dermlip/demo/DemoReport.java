package io.github.dermlip.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.MetricsJson;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Estimate;
import io.github.dermlip.eval.stats.GroupEstimate;
import io.github.dermlip.eval.task.RetrievalTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's report folder: {@code README.md} (summary with chance levels, training, per-task tables and the
 * plots, which are copied beside it), {@code metrics.json} (every result row with its interval and the
 * provenance) and {@code summary.json} (the headline figures with their chance levels and the timings).
 */
public final class DemoReport {
    private static final int[] RECALL_KS = {1, 5, 10};
    private final DemoResult result;

    /** A report of one demo run. */
    public DemoReport(DemoResult result) {
        this.result = result;
    }

    /** The headline figures: metric, estimate and chance level, in report order. */
    public List<Headline> headlines() {
        List<Headline> out = new ArrayList<>();
        double chanceClass = 1.0 / result.numClasses();
        Map<String, Estimate> zs = result.zeroShot().rows().get(0).metrics();
        out.add(new Headline("zero-shot", "accuracy", zs.get("accuracy"), chanceClass));
        out.add(new Headline("zero-shot", "balanced accuracy", zs.get("balanced_accuracy"), chanceClass));
        out.add(new Headline("zero-shot", "macro AUROC", zs.get("macro_auroc"), 0.5));
        for (ResultRow row : result.linearProbe().rows()) {
            out.add(new Headline(row.task(), "accuracy", row.metrics().get("accuracy"), chanceClass));
        }
        int pairs = result.retrieval().report().n();
        for (String direction : List.of(RetrievalTask.IMAGE_TO_TEXT, RetrievalTask.TEXT_TO_IMAGE)) {
            Map<String, Estimate> r = result.retrieval().estimates().get(direction);
            for (int k : RECALL_KS) {
                out.add(new Headline("retrieval " + direction.replace('_', ' '), "R@" + k, r.get("R@" + k),
                        Math.min(1.0, (double) k / pairs)));
            }
        }
        out.add(new Headline("concept annotation", "mean AUROC", result.concepts().meanAuroc(), 0.5));
        return out;
    }

    /** Writes the report folder and returns its Markdown file. */
    public Path write(Path dir, List<String> commandLine) throws IOException {
        Files.createDirectories(dir);
        List<ResultRow> rows = new ArrayList<>();
        rows.addAll(result.zeroShot().rows());
        rows.addAll(result.linearProbe().rows());
        rows.addAll(result.retrieval().rows());
        rows.addAll(result.concepts().rows());
        Provenance provenance = Provenance.capture("skinsynth-clip (" + result.training().lastCheckpoint() + ")",
                "SkinSynth seed " + result.settings().seed(), commandLine.toArray(String[]::new), result.settings().seed(),
                TrainingRun.read(result.training().lastCheckpoint()).orElse(null));
        MetricsJson.write(new MetricsDocument(provenance, rows), dir.resolve("metrics.json"));
        writeSummaryJson(dir.resolve("summary.json"));

        Path eval = result.out().resolve("eval");
        String lossCurve = copy(result.training().curves(), dir);
        String confusion = copy(firstMatching(eval.resolve("zeroshot"), "confusion_", ".png"), dir);
        String reliability = copy(eval.resolve("zeroshot/reliability.png"), dir);
        String fewShot = copy(eval.resolve("linear-probe/curve_accuracy.png"), dir);
        String toneBars = copy(firstMatching(eval.resolve("zeroshot"), "groups_", "_accuracy.png"), dir);

        StringBuilder md = new StringBuilder();
        md.append("# SkinSynth demo report\n\n");
        md.append(String.format(Locale.ROOT, "A %s CLIP (%d-token vocabulary%s) trained for %d epochs (%d steps, "
                        + "batch %d) on %d synthetic image-caption pairs, evaluated on held-out SkinSynth images "
                        + "of %d diagnoses. Training took %.0f s; the whole demo %.0f s.%n%n",
                result.settings().model(), result.vocabulary().size(),
                result.vocabulary().learned() ? ", learned from the captions" : ", CLIP BPE",
                result.training().epochsCompleted(), result.training().steps(), result.settings().batchSize(),
                result.settings().pretrainPairs(), result.numClasses(), result.trainSeconds(), result.totalSeconds()));
        md.append("## Summary\n\nValues in percent with 95% bootstrap intervals (")
                .append(result.settings().bootstrap()).append(" resamples). Chance is what a model that ignores the "
                        + "image scores: 1/K for accuracy, 0.5 for AUROC, k/N for R@k.\n\n");
        md.append(summaryTable(true)).append('\n');
        md.append("## Training\n\n").append(image("Loss and learning rate", lossCurve));
        md.append("## Zero-shot classification\n\nDermLIP's eight skin templates, test split of ")
                .append(result.zeroShot().report().n()).append(" images.\n\n")
                .append(image("Confusion matrix", confusion)).append(image("Reliability diagram", reliability));
        md.append("## Breakdown by skin tone\n\nZero-shot accuracy per Fitzpatrick-like skin tone.\n\n")
                .append(toneTable()).append('\n').append(image("Accuracy by skin tone", toneBars));
        md.append("## Linear probing\n\nLogistic regression on frozen image features with 1%, 10% and 100% of the "
                + "training labels, ").append(result.settings().probeSeeds()).append(" seeds each.\n\n")
                .append(image("Accuracy against the share of labels", fewShot));
        md.append("## Where the full reports are\n\nEach task's own report (per-class tables, predictions, LaTeX "
                + "tables) is in `eval/<task>/`; the training run (checkpoints, `results.jsonl`) in `runs/`.\n");
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, md.toString());
        return readme;
    }

    /** The summary as a Markdown table, or as aligned plain text for the console. */
    public String summaryTable(boolean markdown) {
        StringBuilder out = new StringBuilder();
        String format = markdown ? "| %s | %s | %s | %s |%n" : "%-26s %-18s %-22s %s%n";
        out.append(String.format(Locale.ROOT, format, "task", "metric", "value [95% CI]", "chance"));
        if (markdown) {
            out.append("|---|---|---|---|\n");
        }
        for (Headline h : headlines()) {
            out.append(String.format(Locale.ROOT, format, h.task(), h.metric(), percent(h.estimate()),
                    String.format(Locale.ROOT, "%.1f", 100 * h.chance())));
        }
        return out.toString();
    }

    private String toneTable() {
        StringBuilder out = new StringBuilder("| skin tone | n | accuracy [95% CI] |\n|---|---|---|\n");
        for (GroupEstimate g : result.zeroShot().groups().byMetric().get("accuracy").groups()) {
            out.append("| ").append(g.group()).append(" | ").append(g.n()).append(" | ")
                    .append(percent(g.estimate())).append(" |\n");
        }
        return out.toString();
    }

    private void writeSummaryJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("train_seconds", result.trainSeconds());
        root.put("total_seconds", result.totalSeconds());
        root.put("steps", result.training().steps());
        root.put("final_loss", result.training().lastLoss());
        root.put("vocab_size", result.vocabulary().size());
        ArrayNode headlines = root.putArray("headlines");
        for (Headline h : headlines()) {
            ObjectNode n = headlines.addObject();
            n.put("task", h.task());
            n.put("metric", h.metric());
            n.put("value", h.estimate().value());
            n.put("low", h.estimate().low());
            n.put("high", h.estimate().high());
            n.put("chance", h.chance());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static String percent(Estimate e) {
        return e.hasInterval()
                ? String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", 100 * e.value(), 100 * e.low(), 100 * e.high())
                : String.format(Locale.ROOT, "%.1f", 100 * e.value());
    }

    private static String image(String title, String file) {
        return file == null ? "" : "![" + title + "](" + file + ")\n\n";
    }

    /** Copies a plot beside the report and returns its name, or null when the plot was not written. */
    private static String copy(Path png, Path dir) throws IOException {
        if (png == null || !Files.isRegularFile(png)) {
            return null;
        }
        Files.copy(png, dir.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return png.getFileName().toString();
    }

    private static Path firstMatching(Path dir, String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(suffix)).sorted().findFirst().orElse(null);
        }
    }

    /**
     * One headline figure.
     *
     * @param task the evaluation
     * @param metric the metric's display name
     * @param estimate value and interval (fractions)
     * @param chance the chance level (fraction)
     */
    public record Headline(String task, String metric, Estimate estimate, double chance) {}
}
