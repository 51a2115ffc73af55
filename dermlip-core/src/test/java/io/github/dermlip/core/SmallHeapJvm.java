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

    /** Reads one file, as the parser under test does. */
    @FunctionalInterface
    public interface FileReader {
        void read(Path file) throws Exception;
    }

    /**
     * For the child: reads each of {@code files} and prints {@code refused MS ms MESSAGE} for each that fails with
     * {@code refusal}, its message starting with the file's name, within {@code maxMillis}, or {@code FAILED ...};
     * then exits with 0 when every file was refused so, else 1. Fails first unless the heap is the small one.
     */
    public static void expectRefusals(String[] files, FileReader reader, Class<? extends Exception> refusal,
            long maxMillis) {
        requireSmallHeap();
        int failures = 0;
        for (String file : files) {
            long start = System.nanoTime();
            String outcome;
            boolean refused = false;
            try {
                reader.read(Path.of(file));
                outcome = "read without an error";
            } catch (Throwable e) {
                refused = refusal.isInstance(e) && e.getMessage().startsWith(file + ": ");
                outcome = refused ? e.getMessage() : e.toString();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean ok = refused && millis < maxMillis;
            failures += ok ? 0 : 1;
            System.out.println((ok ? "refused " : "FAILED ") + millis + " ms " + outcome);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Fails unless this JVM really runs with the small heap. */
    private static void requireSmallHeap() {
        long max = Runtime.getRuntime().maxMemory();
        if (max > 300L << 20) {
            throw new IllegalStateException("expected a heap of at most 256 MiB, found " + max + " bytes");
        }
    }
}
