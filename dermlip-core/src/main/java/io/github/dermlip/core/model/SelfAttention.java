package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** The token-mixing half of a pre-norm ViT block, so one block type serves attentions with different biases. */
interface SelfAttention {

    /** Attends over the tokens of {@code x} [B, L, d]; {@code mask} is an additive mask or null. */
    NDArray apply(ParameterStore store, NDArray x, NDArray mask, boolean training);
}
