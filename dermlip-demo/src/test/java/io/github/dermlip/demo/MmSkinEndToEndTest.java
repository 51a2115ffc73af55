package io.github.dermlip.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.eval.cli.EvalCommand;
import io.github.dermlip.eval.probe.LogisticRegressionProbe;
import io.github.dermlip.eval.probe.Npy;
import io.github.dermlip.synth.DatasetLayout;
import io.github.dermlip.synth.SkinSynthOptions;
import io.github.dermlip.synth.SkinSynthWriter;
import io.github.dermlip.train.checkpoint.CheckpointLayout;
import io.github.dermlip.train.checkpoint.LatestPointer;
import io.github.dermlip.train.cli.TrainCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * MM-Skin end to end on SkinSynth images written in MM-Skin's release layout: a LLaVA conversation JSON trains a tiny
 * CLIP with {@code train}, whose checkpoint then answers a VQA CSV of closed- and open-ended questions with
 * {@code vqa} and is probed with {@code linear-probe --protocol mmskin} on classification CSVs.
 */
class MmSkinEndToEndTest {
    private static final String MODALITY_QUESTION = "Which imaging modality is this? Options: dermoscopy, clinical photo";
    private static final String BENCHMARK = "SkinSynth";

    @TempDir
    static Path tmp;
    static Path release;
    static Path checkpoint;
    static String trainOutput;

    @BeforeAll
    static void trainOnTheLlavaJson() throws IOException {
        long start = System.nanoTime();
        release = tmp.resolve("MM-Skin");
        new SkinSynthWriter(SkinSynthOptions.defaults().withSeed(3).withImageSize(32)
                .withSizes(640, 160, 16, 160, 48)).write(release);
        Path json = writeLlavaJson(release.resolve("Dataframe/Pretrain/vqa_MM.json"));
        writeVqaCsv(release.resolve("Dataframe/test/vqa/MM-Skin_test.csv"));
        Path classification = Files.createDirectories(release.resolve("Dataframe/test/classification"));
        writeClassificationCsv(DatasetLayout.EVAL_TRAIN_CSV, classification.resolve(BENCHMARK + "_train.csv"));
        writeClassificationCsv(DatasetLayout.EVAL_TEST_CSV, classification.resolve(BENCHMARK + "_test.csv"));

        long trainStart = System.nanoTime();
        long trainCpuStart = processCpuNanos();
        StringWriter out = new StringWriter();
        CommandLine train = TrainCommand.commandLine();
        train.setOut(new PrintWriter(out, true));
        train.setErr(new PrintWriter(out, true));
        int code = train.execute("train", "--train-data", json.toString(), "--image-root", release.toString(),
                "--model", "derm-tiny", "--vocab", SharedFixtures.bpeVocab().toString(), "--batch-size", "32",
                "--epochs", "5", "--lr", "2e-3", "--wd", "0.1", "--warmup", "20", "--seed", "3", "--workers", "2",
                "--logs", tmp.resolve("runs").toString(), "--name", "mmskin", "--quiet");
        trainOutput = out.toString();
        assertEquals(0, code, trainOutput);
        checkpoint = LatestPointer.read(new CheckpointLayout(tmp.resolve("runs/mmskin")));
        System.out.printf("MM-Skin layout written in %.1f s, trained in %.1f s (%.1f s of CPU)%n",
                (trainStart - start) / 1e9, (System.nanoTime() - trainStart) / 1e9,
                (processCpuNanos() - trainCpuStart) / 1e9);
    }

    @Test
    void trainRunsOnTheLlavaJson() {
        assertTrue(trainOutput.contains("train: 100 steps, 5 epochs"), trainOutput);
        assertTrue(Files.isRegularFile(checkpoint.resolve(CheckpointLayout.MODEL_WEIGHTS)), checkpoint.toString());
    }

    @Test
    void vqaAnswersClosedQuestionsAboveChance() throws IOException {
        Path out = tmp.resolve("vqa");
        String log = eval("vqa", "--model", checkpoint.toString(), "--vocab", SharedFixtures.bpeVocab().toString(),
                "--data", release.toString(), "--prompt", "answer", "--out", out.toString(), "--bootstrap", "500",
                "--no-progress");

        System.out.print(Files.readString(out.resolve("results.md")));
        JsonNode results = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("results");
        JsonNode closed = results.get(0);
        assertEquals("vqa-closed", closed.get("task").asText(), log);
        double chance = closed.get("metrics").get("chance").get("value").asDouble();
        JsonNode accuracy = closed.get("metrics").get("accuracy");
        // 160 modality questions (chance 1/2) and 160 diagnosis questions (chance 1/8): chance is 5/16.
        assertEquals(320, closed.get("extras").get("n").asInt());
        assertEquals(5.0 / 16, chance, 1e-12);
        assertTrue(accuracy.get("low").asDouble() > chance,
                "the 95% interval of closed-ended accuracy lies above chance: " + accuracy + " vs " + chance);
        List<String> tasks = new ArrayList<>();
        results.forEach(row -> tasks.add(row.get("task").asText()));
        assertEquals(List.of("vqa-closed", "vqa-closed-clinical", "vqa-closed-dermoscopic", "vqa-open"), tasks);
        JsonNode open = results.get(3);
        assertEquals(48, open.get("extras").get("n").asInt());
        assertTrue(open.get("metrics").get("mean_rank").get("value").asDouble() < 24.5,
                "open-ended answers rank better than the chance mean rank (n + 1) / 2: " + open);
    }

    @Test
    void mmskinProbeMatchesADirectComputationOnTheSameFeatures() throws IOException {
        Path out = tmp.resolve("probe");
        eval("linear-probe", "--model", checkpoint.toString(), "--vocab", SharedFixtures.bpeVocab().toString(),
                "--dataset", "mmskin:" + BENCHMARK, "--data-root", release.toString(), "--protocol", "mmskin",
                "--out", out.toString(), "--bootstrap", "200", "--no-progress");
        JsonNode setting = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("settings").get(0);
        System.out.println("mmskin probe: C " + setting.get("c") + ", macro AUROC " + setting.get("macro_auroc")
                + " " + setting.get("intervals").get("macro_auroc") + ", macro AUPRC " + setting.get("macro_aupr"));
        Path cached;
        try (Stream<Path> files = Files.list(out.resolve("features"))) {
            cached = files.filter(p -> p.toString().endsWith(".npy")).findFirst().orElseThrow();
        }
        float[][] features = Npy.readFloat32(cached);
        List<String> trainLabels = categories(BENCHMARK + "_train.csv");
        List<String> testLabels = categories(BENCHMARK + "_test.csv");
        List<String> classes = new ArrayList<>(new TreeSet<>(trainLabels));
        float[][] trainX = Arrays.copyOfRange(features, 0, trainLabels.size());
        float[][] testX = Arrays.copyOfRange(features, trainLabels.size(), features.length);
        int[] trainY = trainLabels.stream().mapToInt(classes::indexOf).toArray();
        int[] testY = testLabels.stream().mapToInt(classes::indexOf).toArray();

        DirectMmSkinProbe direct = new DirectMmSkinProbe(trainX, trainY, classes.size());

        assertEquals(direct.bestC, setting.get("c").get(0).asDouble(), 1e-12 * direct.bestC);
        assertEquals(DirectMmSkinProbe.macroAuroc(testY, direct.testProbabilities(testX), classes.size()),
                setting.get("macro_auroc").asDouble(), 1e-9);
        assertTrue(setting.get("intervals").get("macro_aupr").get(0).asDouble() <= setting.get("macro_aupr").asDouble());
    }

    /** MM-Skin's probe recomputed here from its definition, sharing only the logistic-regression solver. */
    private static final class DirectMmSkinProbe {
        final double[] mean;
        final double[] std;
        final double bestC;
        final int classes;
        final float[][] trainX;
        final int[] trainY;

        DirectMmSkinProbe(float[][] x, int[] y, int classes) {
            int dim = x[0].length;
            this.classes = classes;
            mean = new double[dim];
            std = new double[dim];
            for (int d = 0; d < dim; d++) {
                double sum = 0;
                for (float[] row : x) {
                    sum += row[d];
                }
                mean[d] = sum / x.length;
                double squares = 0;
                for (float[] row : x) {
                    squares += (row[d] - mean[d]) * (row[d] - mean[d]);
                }
                std[d] = squares == 0 ? 1 : Math.sqrt(squares / x.length);
            }
            trainX = standardize(x);
            trainY = y;
            int[] fold = sklearnFolds(y, 5);
            double best = Double.NEGATIVE_INFINITY;
            double chosen = Double.NaN;
            for (int i = 0; i < 10; i++) {
                double c = Math.pow(10, -5 + i * 6.0 / 9);
                double total = 0;
                int scored = 0;
                for (int f = 0; f < 5; f++) {
                    List<Integer> fit = new ArrayList<>();
                    List<Integer> held = new ArrayList<>();
                    for (int r = 0; r < y.length; r++) {
                        (fold[r] == f ? held : fit).add(r);
                    }
                    double[][] p = LogisticRegressionProbe.withC(c).fit(rows(trainX, fit), labels(y, fit), classes)
                            .classifier().predictProba(rows(trainX, held));
                    total += macroAuroc(labels(y, held), p, classes);
                    scored++;
                }
                if (total / scored > best) {
                    best = total / scored;
                    chosen = c;
                }
            }
            bestC = chosen;
        }

        double[][] testProbabilities(float[][] test) {
            return LogisticRegressionProbe.withC(bestC).fit(trainX, trainY, classes).classifier()
                    .predictProba(standardize(test));
        }

        private float[][] standardize(float[][] x) {
            float[][] out = new float[x.length][mean.length];
            for (int i = 0; i < x.length; i++) {
                for (int d = 0; d < mean.length; d++) {
                    out[i][d] = (float) ((x[i][d] - mean[d]) / std[d]);
                }
            }
            return out;
        }

        /** scikit-learn's StratifiedKFold(k).split(y): per class, in data order, contiguous blocks per fold. */
        private static int[] sklearnFolds(int[] y, int k) {
            Map<Integer, Integer> code = new LinkedHashMap<>();
            for (int label : y) {
                code.putIfAbsent(label, code.size());
            }
            int[] sorted = Arrays.stream(y).map(code::get).sorted().toArray();
            int[][] share = new int[code.size()][k];
            for (int i = 0; i < sorted.length; i++) {
                share[sorted[i]][i % k]++;
            }
            int[] seen = new int[code.size()];
            int[] fold = new int[y.length];
            for (int r = 0; r < y.length; r++) {
                int c = code.get(y[r]);
                int position = seen[c]++;
                int f = 0;
                while (position >= share[c][f]) {
                    position -= share[c][f++];
                }
                fold[r] = f;
            }
            return fold;
        }

        /** Mean over classes present of the one-vs-rest Mann-Whitney AUROC (ties count one half). */
        static double macroAuroc(int[] y, double[][] p, int classes) {
            double sum = 0;
            int present = 0;
            for (int k = 0; k < classes; k++) {
                double wins = 0;
                long pairs = 0;
                for (int i = 0; i < y.length; i++) {
                    for (int j = 0; j < y.length; j++) {
                        if (y[i] == k && y[j] != k) {
                            pairs++;
                            wins += p[i][k] > p[j][k] ? 1 : p[i][k] == p[j][k] ? 0.5 : 0;
                        }
                    }
                }
                if (pairs > 0) {
                    sum += wins / pairs;
                    present++;
                }
            }
            return sum / present;
        }

        private static float[][] rows(float[][] x, List<Integer> rows) {
            return rows.stream().map(r -> x[r]).toArray(float[][]::new);
        }

        private static int[] labels(int[] y, List<Integer> rows) {
            return rows.stream().mapToInt(r -> y[r]).toArray();
        }
    }

    /** CPU time of this JVM, which on a busy machine says more about the test's cost than wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String eval(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = EvalCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        int code = cli.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    private static Path writeLlavaJson(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode records = json.createArrayNode();
        List<Map<String, String>> rows = csv(release.resolve(DatasetLayout.PRETRAIN_CSV));
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode record = records.addObject();
            record.put("id", "skinsynth_" + i);
            record.put("image", rows.get(i).get(DatasetLayout.FILENAME));
            ArrayNode turns = record.putArray("conversations");
            turns.addObject().put("from", "human").put("value", "<image>\nDescribe the lesion in this image.");
            turns.addObject().put("from", "gpt").put("value", rows.get(i).get(DatasetLayout.TRUNCATED_CAPTION));
        }
        Files.createDirectories(file.getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), records);
        return file;
    }

    /** A modality and a diagnosis question (options listed) per test image, and open-ended caption questions. */
    private static void writeVqaCsv(Path file) throws IOException {
        List<String> classes = Files.readAllLines(release.resolve(DatasetLayout.CLASSES_TXT));
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("image", "question", "answer", "modality"));
        for (Map<String, String> row : csv(release.resolve(DatasetLayout.EVAL_TEST_CSV))) {
            String modality = row.get(DatasetLayout.MODALITY);
            lines.add(List.of(row.get(DatasetLayout.IMAGE_PATH), MODALITY_QUESTION,
                    modality.equals("dermoscopic") ? "Dermoscopy." : "Clinical photo.", modality));
            lines.add(List.of(row.get(DatasetLayout.IMAGE_PATH), "What is the diagnosis? Options: "
                    + String.join(", ", classes), row.get(DatasetLayout.LABEL), modality));
        }
        for (Map<String, String> row : csv(release.resolve(DatasetLayout.RETRIEVAL_CSV))) {
            lines.add(List.of(row.get(DatasetLayout.IMAGE_PATH), "What does the image show?",
                    row.get(DatasetLayout.CAPTION), ""));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, new CsvMapper().writeValueAsString(lines));
    }

    private static void writeClassificationCsv(String source, Path file) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("image", "atributes", "categories"));
        for (Map<String, String> row : csv(release.resolve(source))) {
            lines.add(List.of(row.get(DatasetLayout.IMAGE_PATH), "[]", "['" + row.get(DatasetLayout.LABEL) + "']"));
        }
        Files.writeString(file, new CsvMapper().writeValueAsString(lines));
    }

    private static List<String> categories(String file) throws IOException {
        return csv(release.resolve("Dataframe/test/classification").resolve(file)).stream()
                .map(row -> row.get("categories").replaceAll("[\\[\\]']", "")).toList();
    }

    private static List<Map<String, String>> csv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (var it = mapper.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            while (it.hasNext()) {
                @SuppressWarnings("unchecked")
                Map<String, String> row = (Map<String, String>) it.next();
                rows.add(row);
            }
        }
        return rows;
    }
}
