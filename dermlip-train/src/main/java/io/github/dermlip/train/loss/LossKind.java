package io.github.dermlip.train.loss;

/** The contrastive objectives of {@code --loss}. */
public enum LossKind {
    /** Softmax cross-entropy in both directions ({@link ClipLoss}). */
    CLIP,
    /** Pairwise sigmoid loss with a learnable bias ({@link SigLipLoss}). */
    SIGLIP;

    /** open_clip's initial log temperature of a SigLIP model, ln 10. */
    public static final double SIGLIP_INIT_LOGIT_SCALE = Math.log(10);
    /** open_clip's initial logit bias of a SigLIP model. */
    public static final double SIGLIP_INIT_LOGIT_BIAS = -10.0;

    /** A new loss of this kind. */
    public ContrastiveLoss newLoss() {
        return this == CLIP ? new ClipLoss() : new SigLipLoss();
    }

    /** Parses {@code clip} or {@code siglip}, in any case. */
    public static LossKind parse(String name) {
        for (LossKind kind : values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("--loss must be clip or siglip, found '" + name + "'");
    }
}
