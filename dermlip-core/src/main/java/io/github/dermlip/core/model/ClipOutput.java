package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Named outputs of a CLIP forward pass, which a contrastive loss consumes (as open_clip's
 * {@code output_dict=True}).
 *
 * @param imageFeatures L2-normalized image embeddings [B, E]
 * @param textFeatures L2-normalized text embeddings [B, E]
 * @param logitScale {@code exp(logit_scale)}, a scalar
 * @param logitBias the SigLIP logit bias (a scalar), or null when the model has none
 */
public record ClipOutput(NDArray imageFeatures, NDArray textFeatures, NDArray logitScale, NDArray logitBias) {

    /** Packs the outputs into an NDList (bias last, when present), the form a DJL block returns. */
    public NDList toNDList() {
        NDList list = new NDList(imageFeatures, textFeatures, logitScale);
        if (logitBias != null) {
            list.add(logitBias);
        }
        return list;
    }

    /** Unpacks an NDList produced by {@link #toNDList()}. */
    public static ClipOutput fromNDList(NDList list) {
        return new ClipOutput(list.get(0), list.get(1), list.get(2), list.size() > 3 ? list.get(3) : null);
    }
}
