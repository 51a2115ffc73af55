package io.github.dermlip.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's main class in a child JVM with a small heap and the test class path, so that a test can show
 * that a hostile input fails within bounded memory (the suite's own JVM has a heap of several gigabytes).
 */
public final class SmallHeapJvm {
    /** The heap the child gets. */
    public static final String HEAP = "-Xmx256m";

    private SmallHeapJvm() {}

    /** Runs {@code mainClass} with {@code args}, fails with its output unless it exits 0 in time, and returns that output. */
    public static String run(Class<?> mainClass, List<String> args, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Path log = Files.createTempFile("small-heap-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("OPT_OUT_TRACKING", "true");
            Process process = builder.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                process.destroyForcibly();
                throw new AssertionError(mainClass.getSimpleName() + " ran past " + timeoutSeconds + " s:\n" + text);
            }
            assertEquals(0, process.exitValue(), () -> mainClass.getSimpleName() + " failed:\n" + text);
            return text;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** For the child: fails unless this JVM really runs with the small heap. */
    public static void requireSmallHeap() {
        long max = Runtime.getRuntime().maxMemory();
        if (max > 300L << 20) {
            throw new IllegalStateException("expected a heap of at most 256 MiB, found " + max + " bytes");
        }
    }
}
