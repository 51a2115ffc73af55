package io.github.dermlip.eval.task;

import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptTemplates;
import io.github.dermlip.eval.concepts.ConceptTerms;
import io.github.dermlip.eval.concepts.PromptPair;
import io.github.dermlip.eval.data.CaptionedImages;
import io.github.dermlip.eval.data.ConceptDataset;
import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.metrics.ClassificationReport;
import io.github.dermlip.eval.report.ReportWriter;
import io.github.dermlip.eval.report.ResultRow;
import io.github.dermlip.eval.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every task of a {@link SuiteSpec} for every model and writes one combined report ({@link SuiteReport}).
 *
 * <p>All datasets, class lists, prompts and concept terms are loaded first, so a wrong path fails before any model
 * is loaded; each is shared by all models. Models are then loaded one at a time and closed after their tasks.
 * Every task run writes its full report into {@code runs/<model>/<task label>/} under the output folder; linear
 * probes cache features in {@code features/} unless the task names another cache. All runs use the suite's seed and
 * bootstrap size (95% intervals, resampled in parallel). With two or more models, every later model is compared
 * with the first on {@link #COMPARED_METRICS} by a paired bootstrap.
 */
public final class BenchmarkSuite {
    /** The metrics of the combined Markdown and LaTeX table and of the paired comparisons, when a task has them. */
    public static final List<String> COMPARED_METRICS = List.of(ClassificationReport.ACCURACY,
            ClassificationReport.BALANCED_ACCURACY, ClassificationReport.MACRO_F1, ClassificationReport.MACRO_AUROC,
            RankMetrics.recallName(1), RankMetrics.recallName(5), RankMetrics.recallName(10), ConceptTask.MEAN_AUROC);
    /** The folder of the per-run reports. */
    public static final String RUNS = "runs";
    /** The default feature-cache folder of linear probes. */
    public static final String FEATURES = "features";

    /** Opens a suite model for evaluation. */
    @FunctionalInterface
    public interface ModelLoader {
        /** Loads the model; it is closed after its tasks. */
        EmbeddingModel load(SuiteModel model) throws IOException;
    }

    /** A task with its inputs loaded, ready to run for any model. */
    @FunctionalInterface
    private interface PreparedTask {
        TaskOutcome run(EmbeddingModel model, Path folder) throws IOException;
    }

    private final ModelLoader loader;

    /** A suite runner loading models with {@code loader}. */
    public BenchmarkSuite(ModelLoader loader) {
        this.loader = loader;
    }

    /**
     * Runs the suite and writes the combined report.
     *
     * @param commandLine the arguments that started the run, for the provenance
     */
    public SuiteResult run(SuiteSpec spec, Path outDir, List<String> commandLine) throws IOException {
        Bootstrap bootstrap = new Bootstrap(spec.bootstrap(), spec.seed(), Bootstrap.DEFAULT_CONFIDENCE, true);
        List<PreparedTask> prepared = new ArrayList<>();
        List<List<TaskOutcome>> outcomes = new ArrayList<>();
        for (SuiteTask task : spec.tasks()) {
            prepared.add(prepare(task, bootstrap, outDir, commandLine));
            outcomes.add(new ArrayList<>());
        }
        List<Path> folders = new ArrayList<>();
        for (SuiteModel modelSpec : spec.models()) {
            try (EmbeddingModel model = loader.load(modelSpec)) {
                for (int t = 0; t < prepared.size(); t++) {
                    Path folder = outDir.resolve(RUNS).resolve(ReportWriter.slug(modelSpec.name()))
                            .resolve(ReportWriter.slug(spec.tasks().get(t).label()));
                    outcomes.get(t).add(prepared.get(t).run(model, folder));
                    folders.add(folder);
                }
            }
        }
        List<String> names = spec.models().stream().map(SuiteModel::name).toList();
        List<ResultRow> rows = new ArrayList<>();
        List<ModelComparison> comparisons = new ArrayList<>();
        for (List<TaskOutcome> taskOutcomes : outcomes) {
            taskOutcomes.forEach(o -> rows.addAll(o.rows()));
            if (taskOutcomes.size() > 1) {
                comparisons.addAll(ModelComparison.against(names, taskOutcomes, COMPARED_METRICS, bootstrap));
            }
        }
        SuiteResult result = new SuiteResult(rows, comparisons, folders);
        SuiteReport.write(result, spec, outDir, commandLine);
        return result;
    }

    private static PreparedTask prepare(SuiteTask task, Bootstrap bootstrap, Path outDir, List<String> commandLine)
            throws IOException {
        if (task instanceof SuiteTask.ZeroShot z) {
            LabeledDataset data = TaskInputs.labeled(z.dataset(), z.dataRoot(), z.classes(), z.split());
            ClassList classes = TaskInputs.classList(z.dataset(), data, z.classes());
            PromptTemplates templates = TaskInputs.templates(z.templates());
            return (model, folder) -> new ZeroShotTask(bootstrap).run(model, data, classes, templates, z.groupBy(),
                    folder, commandLine);
        }
        if (task instanceof SuiteTask.LinearProbe p) {
            LabeledDataset data = TaskInputs.labeled(p.dataset(), p.dataRoot(), null, null);
            LinearProbeSettings settings = new LinearProbeSettings(p.budgets(), p.seeds(),
                    p.selectC() ? LinearProbeSettings.DEFAULT_COST_SEARCH : null, p.testSplit(),
                    p.cache() != null ? p.cache() : outDir.resolve(FEATURES));
            return (model, folder) -> new LinearProbeTask(bootstrap).run(model, data, settings, folder, commandLine);
        }
        if (task instanceof SuiteTask.Retrieval r) {
            CaptionedImages data = TaskInputs.captions(r.data(), r.dataRoot(), r.imageKey(), r.captionKey());
            return (model, folder) -> new RetrievalTask(bootstrap).run(model, data, folder, commandLine);
        }
        SuiteTask.Concepts c = (SuiteTask.Concepts) task;
        ConceptDataset data = TaskInputs.concepts(c.data(), c.dataRoot());
        Map<String, List<String>> terms = ConceptTerms.read(c.terms());
        List<PromptPair> prompts = TaskInputs.conceptPrompts(c.templates());
        return (model, folder) -> new ConceptTask(bootstrap).run(model, data, terms, prompts, folder, commandLine);
    }
}
