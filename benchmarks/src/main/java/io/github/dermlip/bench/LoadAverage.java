package io.github.dermlip.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average from {@code /proc/loadavg} (Linux), to judge how noisy a timing is. */
public final class LoadAverage {
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {}

    /** The 1-minute load average. */
    public static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(LOADAVG + ": cannot read the load average (Linux only)", e);
        }
    }
}
