package io.github.dermlip.core.tokenizer;

import java.util.List;

/**
 * Turns captions into fixed-length rows of token ids for a text tower.
 *
 * <p>Implementations are thread-safe: one instance may encode batches from several threads at once and
 * always returns the same ids for the same text.
 */
public interface TextTokenizer {

    /** Cleans and tokenizes each text into one row of {@link #contextLength()} ids, padded and truncated. */
    TokenizedBatch encode(List<String> texts);

    /** Number of ids in every row, start and end tokens included. */
    int contextLength();
}
