package io.github.dermlip.bench;

/**
 * The keys of the benchmark rows, shared by the table, its JSON output and the PyTorch reference script's
 * JSON (which uses the same names).
 */
public final class Keys {
    /** Training samples per second. */
    public static final String TRAIN_SAMPLES = "train_samples_per_s";
    /** Peak resident memory of the training process. */
    public static final String TRAIN_PEAK_RSS = "train_peak_rss_mib";
    /** Training model FLOPs utilization. */
    public static final String TRAIN_MFU = "train_mfu_percent";
    /** Image encoding, bench-small. */
    public static final String IMAGE_SMALL = "image_per_s_small";
    /** Image encoding, ViT-B-16. */
    public static final String IMAGE_LARGE = "image_per_s_large";
    /** Text encoding. */
    public static final String TEXT = "text_per_s";
    /** Data loader with one worker. */
    public static final String LOADER_1 = "loader_per_s_1";
    /** Data loader with two workers. */
    public static final String LOADER_2 = "loader_per_s_2";
    /** fp32 matmul peak. */
    public static final String MATMUL = "matmul_gflops";

    private Keys() {}
}
