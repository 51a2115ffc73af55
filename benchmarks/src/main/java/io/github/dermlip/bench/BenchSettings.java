package io.github.dermlip.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a benchmark run measures and how.
 *
 * @param smallConfig bench-small's open_clip model config (training, bench-small encoding, text, loader size)
 * @param largeConfig ViT-B-16's open_clip model config (image encoding)
 * @param rows the rows to run, among {@link #ROWS}
 * @param threads libtorch intra-op threads on both sides
 * @param trainBatch training batch size
 * @param trainSteps timed training steps
 * @param trainWarmup untimed training steps before them
 * @param trainJvmOptions options of the forked training JVM (heap, collector)
 * @param imageBatch image-encoding batch size
 * @param textBatch text-encoding batch size
 * @param repeats timed batches of the bench-small and text encoding rows
 * @param loaderImages JPEGs written for the loader row
 * @param endToEndImages JPEGs written for the end-to-end rows
 * @param vocabulary CLIP's BPE vocabulary, for the class prompts of the end-to-end classify row
 */
public record BenchSettings(Path smallConfig, Path largeConfig, Set<String> rows, int threads, int trainBatch,
        int trainSteps, int trainWarmup, List<String> trainJvmOptions, int imageBatch, int textBatch, int repeats,
        int loaderImages, int endToEndImages, Path vocabulary) {
    /** Every row, in table order. */
    public static final List<String> ROWS = List.of("train", "image", "text", "loader", "e2e", "contention", "matmul");

    /** Checks the rows and the counts. */
    public BenchSettings {
        rows = Set.copyOf(rows);
        trainJvmOptions = List.copyOf(trainJvmOptions);
        if (!ROWS.containsAll(rows)) {
            throw new IllegalArgumentException("--rows must be among " + ROWS + ", got " + rows);
        }
        if (threads < 1 || trainBatch < 1 || trainSteps < 1 || trainWarmup < 0 || imageBatch < 1 || textBatch < 1
                || repeats < 1 || loaderImages < 1 || endToEndImages < 1) {
            throw new IllegalArgumentException("threads, batches, steps, repeats and images must be >= 1 (warm-up >= 0)");
        }
    }

    /** The arguments that give {@code reference_bench.py} the same workloads. */
    public List<String> referenceArguments() {
        return List.of("--small", smallConfig.toString(), "--large", largeConfig.toString(),
                "--threads", Integer.toString(threads), "--train-batch", Integer.toString(trainBatch),
                "--steps", Integer.toString(trainSteps), "--warmup", Integer.toString(trainWarmup),
                "--image-batch", Integer.toString(imageBatch), "--text-batch", Integer.toString(textBatch),
                "--repeats", Integer.toString(repeats));
    }
}
