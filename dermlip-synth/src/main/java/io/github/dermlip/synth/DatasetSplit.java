package io.github.dermlip.synth;

import java.util.Locale;

/**
 * The parts of a SkinSynth dataset. Every split draws its samples from its own seed stream, so no image is shared
 * between pretraining and evaluation.
 */
public enum DatasetSplit {
    /** Image-caption pairs for contrastive pretraining; diagnoses follow the corpus shares. */
    PRETRAIN(1, false),
    /** Labelled, class-balanced images for fitting linear probes. */
    EVAL_TRAIN(2, true),
    /** Labelled, class-balanced images for choosing the probe's regularisation. */
    EVAL_VAL(3, true),
    /** Labelled, class-balanced images for zero-shot and probe accuracy and concept annotation. */
    EVAL_TEST(4, true),
    /** Held-out image-caption pairs for cross-modal retrieval; class-balanced. */
    RETRIEVAL(5, true);

    private final int streamId;
    private final boolean balanced;

    DatasetSplit(int streamId, boolean balanced) {
        this.streamId = streamId;
        this.balanced = balanced;
    }

    /** Fixed number mixed into per-sample seeds; never reorder or reuse these. */
    public int streamId() {
        return streamId;
    }

    /** True when diagnoses cycle through the classes (every class equally often) instead of following the prior. */
    public boolean balanced() {
        return balanced;
    }

    /** Lower-case name used for image folders and in the {@code split} columns, such as {@code "eval_test"}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The split's value in a {@code split} column: {@code train}, {@code val} or {@code test} for the eval splits. */
    public String role() {
        return switch (this) {
            case PRETRAIN, EVAL_TRAIN -> "train";
            case EVAL_VAL -> "val";
            case EVAL_TEST, RETRIEVAL -> "test";
        };
    }
}
