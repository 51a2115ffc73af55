package io.github.dermlip.core.io;

import io.github.dermlip.core.SmallHeapJvm;
import java.nio.file.Path;

/**
 * The child side of {@link PickleBombTest}: loads each checkpoint named on the command line in a small heap and
 * exits with 1 unless every one ends in a {@link CheckpointFormatException} within a second.
 */
public final class PickleBombs {
    private static final long MAX_MILLIS = 1000;

    private PickleBombs() {}

    public static void main(String[] args) {
        SmallHeapJvm.requireSmallHeap();
        int failures = 0;
        for (String file : args) {
            long start = System.nanoTime();
            String outcome;
            boolean refused = false;
            try {
                TorchCheckpointReader.read(Path.of(file));
                outcome = "loaded without an error";
            } catch (CheckpointFormatException e) {
                refused = true;
                outcome = e.getMessage();
            } catch (Throwable e) {
                outcome = e.toString();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean ok = refused && millis < MAX_MILLIS;
            failures += ok ? 0 : 1;
            System.out.println((ok ? "refused " : "FAILED ") + millis + " ms " + outcome);
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
