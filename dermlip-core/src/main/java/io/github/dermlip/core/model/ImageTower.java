package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** An image tower of a {@link ClipModel}: preprocessed pixels in, one unnormalized embedding per image out. */
public interface ImageTower extends Block {

    /**
     * Encodes preprocessed images.
     *
     * @param pixels [B, 3, S, S] float pixels after the eval transform
     * @return unnormalized embeddings [B, embed], owned by the manager of {@code pixels}
     */
    NDArray encode(ParameterStore store, NDArray pixels, boolean training);
}
