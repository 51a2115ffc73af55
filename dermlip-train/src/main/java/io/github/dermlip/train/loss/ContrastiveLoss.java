package io.github.dermlip.train.loss;

import ai.djl.ndarray.NDArray;
import io.github.dermlip.core.model.ClipOutput;

/**
 * A contrastive objective over a batch of paired image and text features, as open_clip's loss modules.
 *
 * <p>The result is a scalar owned by the manager of the image features, so it is freed with the step's manager.
 */
public interface ContrastiveLoss {

    /**
     * The loss of one batch whose {@code i}-th image and {@code i}-th text form the positive pair.
     *
     * @param output normalized features [B, E] of both towers, {@code exp(logit_scale)} and the optional bias
     * @return a scalar
     */
    NDArray compute(ClipOutput output);
}
