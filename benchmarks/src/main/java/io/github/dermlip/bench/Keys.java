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
    /** ViT-B-16 image encoding FLOP rate as a share of our matmul peak. */
    public static final String IMAGE_LARGE_PEAK_SHARE = "image_large_peak_share_percent";
    /** End-to-end embed from JPEG files, bench-small and ViT-B-16. */
    public static final String E2E_EMBED_SMALL = "e2e_embed_per_s_small";
    public static final String E2E_EMBED_LARGE = "e2e_embed_per_s_large";
    /** End-to-end embed as a share of the pure forward rate, bench-small and ViT-B-16. */
    public static final String E2E_SHARE_SMALL = "e2e_embed_forward_share_small";
    public static final String E2E_SHARE_LARGE = "e2e_embed_forward_share_large";
    /** End-to-end zero-shot classification from JPEG files, bench-small and ViT-B-16. */
    public static final String E2E_CLASSIFY_SMALL = "e2e_classify_per_s_small";
    public static final String E2E_CLASSIFY_LARGE = "e2e_classify_per_s_large";
    /** Training slowdown (idle over one-core-busy throughput). */
    public static final String CONTENTION_SLOWDOWN = "contention_slowdown";
    /** fp32 matmul peak. */
    public static final String MATMUL = "matmul_gflops";

    private Keys() {}
}
