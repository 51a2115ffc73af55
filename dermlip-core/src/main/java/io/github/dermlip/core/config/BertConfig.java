package io.github.dermlip.core.config;

/**
 * The architecture of a Hugging Face {@code BertModel} text tower, as its {@code config.json} gives it.
 *
 * @param vocabSize number of word embeddings
 * @param hiddenSize width of every layer
 * @param layers number of encoder layers ({@code num_hidden_layers})
 * @param heads attention heads per layer ({@code num_attention_heads})
 * @param intermediateSize hidden width of each feed-forward block
 * @param maxPositions number of learned positions ({@code max_position_embeddings})
 * @param typeVocabSize number of token-type embeddings
 * @param layerNormEps epsilon of every LayerNorm
 * @param padTokenId the id whose positions are masked out ({@code pad_token_id})
 * @param source where the values came from (a file, or the built-in table), named in errors
 */
public record BertConfig(int vocabSize, int hiddenSize, int layers, int heads, int intermediateSize, int maxPositions,
        int typeVocabSize, double layerNormEps, int padTokenId, String source) {

    /** Checks that the sizes are positive and that the heads divide the width. */
    public BertConfig {
        if (vocabSize <= 0 || hiddenSize <= 0 || layers <= 0 || heads <= 0 || intermediateSize <= 0 || maxPositions <= 0
                || typeVocabSize <= 0 || !(layerNormEps > 0)) {
            throw new ConfigException(source + ": every BERT size and layer_norm_eps must be positive: vocab_size "
                    + vocabSize + ", hidden_size " + hiddenSize + ", num_hidden_layers " + layers
                    + ", num_attention_heads " + heads + ", intermediate_size " + intermediateSize
                    + ", max_position_embeddings " + maxPositions + ", type_vocab_size " + typeVocabSize
                    + ", layer_norm_eps " + layerNormEps);
        }
        if (hiddenSize % heads != 0) {
            throw new ConfigException(source + ": field 'hidden_size' " + hiddenSize
                    + " is not a multiple of num_attention_heads " + heads);
        }
    }
}
