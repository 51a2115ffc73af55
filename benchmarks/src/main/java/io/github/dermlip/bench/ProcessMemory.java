package io.github.dermlip.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux): the current resident set
 * ({@code VmRSS}) and its high-water mark ({@code VmHWM}), both covering the JVM heap and native memory.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {}

    /** The current resident set in MiB. */
    public static double residentMib() {
        return field("VmRSS:");
    }

    /** The largest resident set so far in MiB. */
    public static double peakResidentMib() {
        return field("VmHWM:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(STATUS + ": cannot read process memory (Linux only)", e);
        }
        throw new IllegalStateException(STATUS + ": no " + name + " line");
    }
}
