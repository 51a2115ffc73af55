package io.github.dermlip.spark.cli;

import io.github.dermlip.core.prompts.PromptFiles;
import io.github.dermlip.eval.data.ClassAssignment;
import io.github.dermlip.eval.report.ReportWriter;
import io.github.dermlip.eval.stats.Bootstrap;
import io.github.dermlip.eval.task.ZeroShotReport;
import io.github.dermlip.eval.task.ZeroShotResult;
import io.github.dermlip.eval.task.ZeroShotTask;
import io.github.dermlip.spark.ZeroShotScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate}: the metrics, bootstrap intervals and report files of {@code dermlip-eval zeroshot}
 * ({@link ZeroShotReport}), computed from the predictions {@code zeroshot} wrote. Only the labels and probabilities
 * reach the driver (a million rows of ten classes is about 40 MB); rows without predictions are left out and
 * counted.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Metrics with 95%% bootstrap intervals and the dermlip-eval zeroshot report, from predictions.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--predictions", required = true, paramLabel = "DIR", description = "Output of zeroshot (Parquet).")
    private String predictions;

    @Option(names = "--csv-img-key", defaultValue = "filepath", description = "Image path column (default: ${DEFAULT-VALUE}).")
    private String imageKey;

    @Option(names = "--true-label-key", defaultValue = ZeroShotCommand.TRUE_LABEL,
            description = "True label column: class names or indices (default: ${DEFAULT-VALUE}, where zeroshot"
                    + " keeps the manifest's --csv-label-key).")
    private String labelKey;

    @Option(names = "--classes", paramLabel = "FILE",
            description = "Class names in label order (default: those zeroshot stored with the predictions).")
    private Path classes;

    @Option(names = "--group-by", paramLabel = "COLUMN",
            description = "Also report every metric per value of this column (e.g. skin_tone).")
    private String groupBy;

    @Option(names = "--model-name", description = "Model name in the report (default: the model directory's name).")
    private String modelName;

    @Option(names = "--dataset-name", description = "Dataset name in the report (default: the predictions folder's).")
    private String datasetName;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    private Path out;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples of the 95%% confidence intervals (default: ${DEFAULT-VALUE}).")
    private int bootstrap;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of resampling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private SessionOptions session;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SparkSession spark = session.start("evaluate");
        Dataset<Row> scored = spark.read().parquet(predictions);
        StructField probabilities = field(scored, ZeroShotScorer.PROBABILITIES);
        field(scored, imageKey);
        field(scored, labelKey);
        List<String> classNames = classes != null ? PromptFiles.readClassList(classes).labels()
                : ZeroShotScorer.metadataList(probabilities, ZeroShotScorer.CLASSES_METADATA);
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException(predictions + ": the probabilities column names no classes; give"
                    + " --classes");
        }
        long total = scored.count();
        List<Row> rows = scored.where(functions.col(ZeroShotScorer.PROBABILITIES).isNotNull())
                .orderBy(order(scored))
                .select(columns())
                .collectAsList();
        ZeroShotResult result = score(rows, classNames,
                ZeroShotScorer.metadataList(probabilities, ZeroShotScorer.TEMPLATES_METADATA),
                ZeroShotScorer.metadataList(probabilities, ZeroShotScorer.MODEL_METADATA));
        Files.createDirectories(out);
        // The predictions name their model, not the training run of its weights, so none is recorded.
        ZeroShotReport.write(result, out, commandLine(), null);
        PrintWriter console = spec.commandLine().getOut();
        console.print(Files.readString(out.resolve(ReportWriter.RESULTS_MD)));
        console.printf("%n%d of %d rows evaluated (%d without predictions left out)%nReport written to %s%n",
                rows.size(), total, total - rows.size(), out.toAbsolutePath().normalize());
        console.flush();
        return 0;
    }

    private ZeroShotResult score(List<Row> rows, List<String> classNames, List<String> templates, List<String> model) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(predictions + ": no row has predictions to evaluate");
        }
        List<Path> images = new ArrayList<>(rows.size());
        List<String> labels = new ArrayList<>(rows.size());
        float[][] probabilities = new float[rows.size()][];
        String[] groups = groupBy == null ? null : new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            images.add(Path.of(row.isNullAt(0) ? "" : row.getString(0)));
            labels.add(row.isNullAt(1) ? "" : row.get(1).toString());
            List<Float> p = row.getList(2);
            probabilities[i] = new float[p.size()];
            for (int c = 0; c < p.size(); c++) {
                probabilities[i][c] = p.get(c);
            }
            if (groups != null) {
                groups[i] = row.isNullAt(3) ? "" : row.get(3).toString();
            }
        }
        ClassAssignment truth = ClassAssignment.of(predictions + " column '" + labelKey + "'", labels, classNames);
        String name = modelName != null ? modelName
                : model.isEmpty() ? "model" : String.valueOf(Path.of(model.get(0)).getFileName());
        String dataset = datasetName != null ? datasetName
                : String.valueOf(Path.of(predictions).getFileName());
        return new ZeroShotTask(new Bootstrap(bootstrap, seed, Bootstrap.DEFAULT_CONFIDENCE, true))
                .score(name, dataset, classNames, templates, images, truth.labels(), probabilities, groupBy, groups);
    }

    private Column[] columns() {
        List<Column> columns = new ArrayList<>(List.of(functions.col(imageKey).cast("string"), functions.col(labelKey),
                functions.col(ZeroShotScorer.PROBABILITIES)));
        if (groupBy != null) {
            columns.add(functions.col(groupBy));
        }
        return columns.toArray(Column[]::new);
    }

    /** The manifest's order when zeroshot kept it, so the bootstrap resamples the rows dermlip-eval would. */
    private Column order(Dataset<Row> scored) {
        return functions.col(Arrays.asList(scored.columns()).contains(ManifestOptions.MANIFEST_ROW)
                ? ManifestOptions.MANIFEST_ROW : imageKey);
    }

    private StructField field(Dataset<Row> scored, String name) {
        if (!Arrays.asList(scored.columns()).contains(name)) {
            throw new IllegalArgumentException(predictions + ": no column '" + name + "'; the columns are "
                    + Arrays.toString(scored.columns()));
        }
        return scored.schema().apply(name);
    }

    private List<String> commandLine() {
        List<String> line = new ArrayList<>();
        line.add(spec.root().name());
        line.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return line;
    }
}
