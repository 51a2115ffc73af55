package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import io.github.dermlip.train.data.Batch;

/** Turns a loaded batch into the model's inputs: pixels [B, 3, S, S] and token ids [B, L]. */
final class BatchInputs {
    private BatchInputs() {}

    /** The pixels and the tokenized captions of {@code batch}, as arrays owned by {@code manager}. */
    static NDList of(Batch batch, TextTokenizer tokenizer, NDManager manager) {
        TokenizedBatch tokens = tokenizer.encode(batch.captions());
        NDArray ids = manager.create(tokens.flatIds(), new Shape(batch.size(), tokens.contextLength()));
        return new NDList(pixels(batch, manager), ids);
    }

    /** The pixels of {@code batch} [B, 3, S, S], owned by {@code manager}. */
    static NDArray pixels(Batch batch, NDManager manager) {
        int size = batch.imageSize();
        return manager.create(batch.images(), new Shape(batch.size(), 3, size, size));
    }
}
