package io.github.dermlip.core.image;

import io.github.dermlip.core.SmallHeapJvm;
import java.nio.file.Path;

/**
 * The child side of {@link ImageLimitsTest}: decodes each file named on the command line in a small heap and
 * exits with 1 unless every one is refused with an {@link ImageDecodeException} naming the file.
 */
public final class ImageBombs {
    private ImageBombs() {}

    public static void main(String[] args) {
        SmallHeapJvm.requireSmallHeap();
        int failures = 0;
        for (String file : args) {
            long start = System.nanoTime();
            String outcome;
            boolean refused = false;
            try {
                ImageDecoder.decode(Path.of(file));
                outcome = "decoded without an error";
            } catch (ImageDecodeException e) {
                refused = e.getMessage().startsWith(file + ": ");
                outcome = e.getMessage();
            } catch (Throwable e) {
                outcome = e.toString();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            failures += refused ? 0 : 1;
            System.out.println((refused ? "refused " : "FAILED ") + millis + " ms " + outcome);
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
