package io.github.dermlip.train.optim;

import ai.djl.ndarray.types.Shape;

/**
 * open_clip's choice of the parameters that get weight decay: none for gains, biases, embeddings of rank 1
 * and the temperature. A parameter is excluded when it has fewer than 2 dimensions or when its open_clip
 * state-dict name contains {@code bn}, {@code ln}, {@code bias} or {@code logit_scale}.
 */
public final class WeightDecayRule {
    private WeightDecayRule() {}

    /** Whether the parameter named {@code openClipName} with shape {@code shape} is decayed. */
    public static boolean decays(String openClipName, Shape shape) {
        return shape.dimension() >= 2 && !openClipName.contains("bn") && !openClipName.contains("ln")
                && !openClipName.contains("bias") && !openClipName.contains("logit_scale");
    }
}
