package io.github.dermlip.eval.task;

import io.github.dermlip.core.provenance.TrainingRun;
import io.github.dermlip.eval.report.BandSeries;
import io.github.dermlip.eval.report.FewShotPlot;
import io.github.dermlip.eval.report.MetricsDocument;
import io.github.dermlip.eval.report.Provenance;
import io.github.dermlip.eval.report.TableOptions;
import io.github.dermlip.eval.report.TextTable;
import io.github.dermlip.eval.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the report of a linear-probe run into one folder.
 *
 * <ul>
 *   <li>{@code metrics.json}: top-level {@code task} ({@code linear-probe}), {@code model}, {@code dataset},
 *       {@code budget} ({@code percent} or {@code shots}), {@code c_rule}, {@code splits}, and {@code settings}, an
 *       array with per budget {@code setting} (e.g. {@code 10%}), {@code amount}, {@code task}, the seed-averaged
 *       value of every metric under its own name ({@code accuracy}, {@code balanced_accuracy}, {@code macro_auroc},
 *       ...), {@code intervals}, {@code std} and {@code per_seed} ({@code metric: [value per seed]}); then the
 *       standard {@code provenance, results, ...} with one result row per budget (see {@link ReportFiles});</li>
 *   <li>{@code results.csv|md|tex}: per budget the seed mean with its bootstrap interval;</li>
 *   <li>{@code mean_std.csv|md|tex}: per budget {@code mean ± std} over seeds;</li>
 *   <li>{@code seeds.csv|md|tex}: every fitted probe (budget, seed, training size, C, iterations, metrics);</li>
 *   <li>{@code curve_<metric>.png} for {@link ZeroShotReport#PLOTTED_METRICS}: the metric against the budget
 *       with its interval band (shots on a log2 axis).</li>
 * </ul>
 */
public final class LinearProbeReport {
    /** The mean ± std table's base file name. */
    public static final String MEAN_STD = "mean_std";
    /** The per-seed table's base file name. */
    public static final String SEEDS = "seeds";

    private LinearProbeReport() {}

    /**
     * Writes every file.
     *
     * @param commandLine the arguments that started the run, for the provenance
     * @param trainingRun the training run of the evaluated checkpoint, or null
     * @return the files written
     */
    public static List<Path> write(LinearProbeResult result, Path outDir, List<String> commandLine,
            TrainingRun trainingRun) {
        Provenance provenance = Provenance.capture(result.model(), result.dataset(), commandLine.toArray(String[]::new),
                result.bootstrap().seed(), trainingRun);
        MetricsDocument doc = new MetricsDocument(provenance, result.rows());
        List<Path> written = new ArrayList<>(ReportFiles.write(outDir, doc, TableOptions.DEFAULT, headline(result)));
        written.addAll(meanStd(result, false).write(outDir, MEAN_STD, meanStd(result, true)));
        written.addAll(seeds(result, false).write(outDir, SEEDS, seeds(result, true)));
        written.addAll(curves(result, outDir));
        return written;
    }

    private static Map<String, Object> headline(LinearProbeResult result) {
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("task", LinearProbeTask.TASK);
        headline.put("model", result.model());
        headline.put("dataset", result.dataset());
        headline.put("budget", kind(result).name().toLowerCase(Locale.ROOT));
        headline.put("c_rule", result.cRule());
        Map<String, Object> splits = new LinkedHashMap<>();
        splits.put("train", result.splits().train().length);
        splits.put("validation", result.splits().validation().length);
        splits.put("test", result.splits().test().length);
        splits.put("description", result.splits().description());
        headline.put("splits", splits);
        List<Object> settings = new ArrayList<>();
        for (ProbeSettingResult setting : result.settings()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("setting", setting.budget().label());
            node.put("amount", setting.budget().amount());
            node.put("task", setting.budget().taskName());
            Map<String, Object> intervals = new LinkedHashMap<>();
            Map<String, Object> perSeed = new LinkedHashMap<>();
            setting.estimates().mean().forEach((name, e) -> {
                node.put(name, e.value());
                intervals.put(name, List.of(e.low(), e.high()));
                perSeed.put(name, setting.estimates().reports().stream().map(r -> r.scalars().get(name)).toList());
            });
            node.put("intervals", intervals);
            node.put("std", setting.estimates().std());
            node.put("per_seed", perSeed);
            node.put("c", setting.runs().stream().map(ProbeRun::c).toList());
            node.put("train_size", setting.runs().stream().map(ProbeRun::trainSize).toList());
            settings.add(node);
        }
        headline.put("settings", settings);
        return headline;
    }

    private static TextTable meanStd(LinearProbeResult result, boolean raw) {
        List<String> names = result.settings().get(0).estimates().metricNames();
        List<String> header = new ArrayList<>(List.of("setting"));
        for (String name : names) {
            if (raw) {
                header.add(name + "_mean");
                header.add(name + "_std");
            } else {
                header.add(name);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (ProbeSettingResult setting : result.settings()) {
            List<String> row = new ArrayList<>(List.of(setting.budget().label()));
            for (String name : names) {
                double mean = setting.estimates().mean().get(name).value();
                double std = setting.estimates().std().get(name);
                if (raw) {
                    row.add(Cells.raw(mean));
                    row.add(Cells.raw(std));
                } else {
                    row.add(Cells.percent(mean) + " ± " + Cells.percent(std));
                }
            }
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    private static TextTable seeds(LinearProbeResult result, boolean raw) {
        List<String> names = result.settings().get(0).estimates().metricNames();
        List<String> header = new ArrayList<>(List.of("setting", "seed", "train_size", "c", "iterations",
                "converged"));
        header.addAll(names);
        List<List<String>> rows = new ArrayList<>();
        for (ProbeSettingResult setting : result.settings()) {
            for (int s = 0; s < setting.runs().size(); s++) {
                ProbeRun run = setting.runs().get(s);
                String c = raw ? Cells.raw(run.c()) : String.format(Locale.ROOT, "%.4g", run.c());
                List<String> row = new ArrayList<>(List.of(setting.budget().label(), Long.toString(run.seed()),
                        Integer.toString(run.trainSize()), c, Integer.toString(run.iterations()),
                        Boolean.toString(run.converged())));
                Map<String, Estimate> estimates = setting.estimates().perPrediction().get(s);
                for (String name : names) {
                    row.add(raw ? Cells.raw(estimates.get(name).value()) : Cells.percent(estimates.get(name)));
                }
                rows.add(row);
            }
        }
        return new TextTable(header, rows, 2);
    }

    private static List<Path> curves(LinearProbeResult result, Path outDir) {
        boolean shots = kind(result) == ProbeBudget.Kind.SHOTS;
        double[] x = result.settings().stream().mapToDouble(s -> s.budget().amount()).toArray();
        List<Path> written = new ArrayList<>();
        for (String metric : ZeroShotReport.PLOTTED_METRICS) {
            double[] y = new double[x.length];
            double[] low = new double[x.length];
            double[] high = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                Estimate e = result.settings().get(i).estimates().mean().get(metric);
                y[i] = e.value();
                low[i] = Double.isNaN(e.low()) ? e.value() : e.low();
                high[i] = Double.isNaN(e.high()) ? e.value() : e.high();
            }
            Path png = outDir.resolve("curve_" + metric + ".png");
            FewShotPlot.write(png, result.model() + " linear probe on " + result.dataset(),
                    shots ? "shots per class" : "% of training set", metric, x,
                    List.of(new BandSeries(result.model(), y, low, high)), shots);
            written.add(png);
        }
        return written;
    }

    private static ProbeBudget.Kind kind(LinearProbeResult result) {
        return result.settings().get(0).budget().kind();
    }
}
