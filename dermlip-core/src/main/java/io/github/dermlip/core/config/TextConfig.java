package io.github.dermlip.core.config;

/**
 * Architecture of open_clip's causal text transformer ({@code model_cfg.text_cfg}).
 *
 * @param contextLength maximum number of tokens, SOT and EOT included
 * @param vocabSize number of token embeddings
 * @param width transformer width
 * @param heads number of attention heads
 * @param layers number of residual blocks
 * @param mlpRatio MLP hidden width divided by {@code width}
 * @param hfTokenizerName the {@code hf_tokenizer_name} of a text tower tokenized by a Hugging Face tokenizer, or null for CLIP BPE
 */
public record TextConfig(int contextLength, int vocabSize, int width, int heads, int layers, double mlpRatio,
        String hfTokenizerName) {

    /** Validates the arithmetic relations between the fields. */
    public TextConfig {
        if (contextLength <= 1 || vocabSize <= 0 || width <= 0 || heads <= 0 || layers <= 0 || mlpRatio <= 0) {
            throw new ConfigException("text_cfg: every size must be positive (context_length at least 2), found"
                    + " context_length " + contextLength + ", vocab_size " + vocabSize + ", width " + width + ", heads "
                    + heads + ", layers " + layers + ", mlp_ratio " + mlpRatio);
        }
        if (width % heads != 0) {
            throw new ConfigException("text_cfg: width " + width + " is not a multiple of heads " + heads);
        }
    }

    /** Hidden width of the MLP. */
    public int mlpWidth() {
        return (int) (width * mlpRatio);
    }
}
