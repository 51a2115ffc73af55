package io.github.dermlip.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link WordTrainingMain} in a fresh JVM, as a killed and restarted training would be.
 *
 * <p>The child gets {@code OMP_NUM_THREADS} set to the processor count: libtorch's OpenMP runtime otherwise
 * chooses its thread count at run time, and on a loaded machine that changes how reductions are split, and so
 * the last bits of some results (see {@link Trainer}).
 */
final class TrainingProcess {
    private TrainingProcess() {}

    /** Trains with {@code args} in a new JVM and fails with its output unless it exits with 0. */
    static void run(Path log, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-Dai.djl.pytorch.graph_optimizer=false",
                "-Xmx1g", WordTrainingMain.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("OPT_OUT_TRACKING", "true");
        env.put("OMP_NUM_THREADS", String.valueOf(Runtime.getRuntime().availableProcessors()));
        int code = builder.start().waitFor();
        assertEquals(0, code, () -> "training process failed:\n" + read(log));
    }

    /** The loss of every step in a run's {@code results.jsonl}, by step; a step logged twice keeps its last line. */
    static List<Float> losses(Path runDirectory) {
        Map<Long, Float> byStep = new TreeMap<>();
        for (JsonNode r : ResultsLog.read(runDirectory.resolve(ResultsLog.FILE_NAME))) {
            if (r.get("type").asText().equals("train")) {
                byStep.put(r.get("step").asLong(), Float.parseFloat(r.get("loss").asText()));
            }
        }
        return new ArrayList<>(byStep.values());
    }

    /** The raw bits of each value, so that comparisons are exact. */
    static List<Integer> bits(List<Float> values) {
        List<Integer> out = new ArrayList<>();
        for (float v : values) {
            out.add(Float.floatToRawIntBits(v));
        }
        return out;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
