package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/** A text tower of a {@link ClipModel}: token ids in, one unnormalized embedding per text out. */
public interface TextTower extends Block {

    /**
     * Encodes token ids as the tower's tokenizer makes them.
     *
     * @param ids [B, L] token ids, L at most the context length
     * @return unnormalized embeddings [B, embed], owned by the manager of {@code ids}
     */
    NDArray encode(ParameterStore store, NDArray ids, boolean training);
}
