package io.github.dermlip.bench;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.OpenClipConfigReader;
import io.github.dermlip.core.engine.TorchThreads;
import java.nio.file.Path;
import java.util.List;

/**
 * The training-step row: {@link BenchTrainingStep} repeated on one fixed batch, timed step by step after a
 * warm-up, with the peak resident memory of the process at the end (read before anything else runs) and the fp32
 * matmul peak measured in the same process right before and right after the steps, so that MFU divides by a
 * peak taken under the same machine load.
 *
 * <p>Run through {@link #main} in a JVM of its own ({@link ForkedJvm}) so that the peak memory is that of
 * training alone; it prints its {@link TrainingResult} as one JSON line starting with {@link #RESULT_PREFIX}.
 */
public final class TrainingBench {
    /** Marks the result line on the forked JVM's standard output. */
    public static final String RESULT_PREFIX = "TRAINING_RESULT ";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEED = 0;
    private static final int MATMUL_SIZE = 2048;
    private static final int MATMUL_REPEATS = 5;

    private TrainingBench() {}

    /**
     * Trains {@code warmup + steps} steps on a batch of {@code batch} synthetic pairs.
     *
     * @return the median over the timed steps and the process's peak resident memory
     */
    public static TrainingResult run(ModelConfig config, int batch, int warmup, int steps) {
        if (steps < 1 || warmup < 0) {
            throw new IllegalArgumentException("need steps >= 1 and warmup >= 0, got " + steps + " and " + warmup);
        }
        float[] pixels = SyntheticInputs.pixels(batch, config.vision().imageSize(), SEED);
        long[] ids = SyntheticInputs.captionIds(batch, config.text().contextLength(), config.text().vocabSize(), SEED);
        StepTimes[] timed = new StepTimes[steps];
        double peakBefore = matmulPeak();
        try (BenchTrainingStep training = new BenchTrainingStep(config, SEED)) {
            for (int i = -warmup; i < steps; i++) {
                StepTimes times = training.run(pixels, ids, batch);
                if (i >= 0) {
                    timed[i] = times;
                }
            }
        }
        double peakRss = ProcessMemory.peakResidentMib();
        return TrainingResult.of(batch, timed, peakRss, Math.max(peakBefore, matmulPeak()));
    }

    private static double matmulPeak() {
        try (NDManager manager = NDManager.newBaseManager()) {
            return MatmulPeak.gflops(manager, MATMUL_SIZE, MATMUL_REPEATS);
        }
    }

    /**
     * Entry point of the forked JVM.
     *
     * @param args model config JSON, batch size, warm-up steps, timed steps
     */
    public static void main(String[] args) throws Exception {
        TorchThreads.prepare();
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: TrainingBench CONFIG.json BATCH WARMUP STEPS");
        }
        ModelConfig config = OpenClipConfigReader.read(Path.of(args[0])).model();
        TrainingResult result = run(config, Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        System.out.println(RESULT_PREFIX + JSON.writeValueAsString(toJson(result)));
    }

    /** The result in the output lines of a forked {@link #main}. */
    static TrainingResult resultOf(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith(RESULT_PREFIX)).findFirst()
                .map(line -> fromJson(line.substring(RESULT_PREFIX.length())))
                .orElseThrow(() -> new IllegalStateException("the forked training JVM printed no result line"));
    }

    /** The result as a JSON object. */
    static ObjectNode toJson(TrainingResult result) {
        ObjectNode node = JSON.createObjectNode();
        node.put("samples_per_s", result.samplesPerSecond());
        node.put("peak_rss_mib", result.peakRssMib());
        node.put("step_s", result.medianStep().total());
        node.put("forward_backward_s", result.medianStep().forwardBackward());
        node.put("clip_s", result.medianStep().clip());
        node.put("optimizer_s", result.medianStep().optimizer());
        node.put("fastest_step_s", result.fastestStep());
        node.put("matmul_gflops", result.matmulPeakGflops());
        node.put("steps", result.steps());
        return node;
    }

    /** Reads a result written by {@link #toJson}. */
    static TrainingResult fromJson(String json) {
        ObjectNode node;
        try {
            node = (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the forked training JVM printed a malformed result: " + json, e);
        }
        StepTimes median = new StepTimes(node.get("step_s").asDouble(), node.get("forward_backward_s").asDouble(),
                node.get("clip_s").asDouble(), node.get("optimizer_s").asDouble());
        return new TrainingResult(node.get("samples_per_s").asDouble(), node.get("peak_rss_mib").asDouble(), median,
                node.get("fastest_step_s").asDouble(), node.get("steps").asInt(), node.get("matmul_gflops").asDouble());
    }
}
