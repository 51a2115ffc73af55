package io.github.dermlip.core.config;

/**
 * Architecture of open_clip's text tower ({@code model_cfg.text_cfg}): its causal transformer, or a Hugging Face
 * BERT ({@code hf_model_name}), whose sizes are then in {@link #hf()} and the causal sizes here are unused.
 *
 * @param contextLength maximum number of tokens, SOT and EOT included
 * @param vocabSize number of token embeddings
 * @param width transformer width
 * @param heads number of attention heads
 * @param layers number of residual blocks
 * @param mlpRatio MLP hidden width divided by {@code width}
 * @param hfTokenizerName the {@code hf_tokenizer_name} of a text tower tokenized by a Hugging Face tokenizer, or null for CLIP BPE
 * @param hf the Hugging Face text tower, or null for the causal transformer
 */
public record TextConfig(int contextLength, int vocabSize, int width, int heads, int layers, double mlpRatio,
        String hfTokenizerName, HfTextConfig hf) {

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

    /** open_clip's causal text transformer. */
    public TextConfig(int contextLength, int vocabSize, int width, int heads, int layers, double mlpRatio,
            String hfTokenizerName) {
        this(contextLength, vocabSize, width, heads, layers, mlpRatio, hfTokenizerName, null);
    }

    /** Hidden width of the MLP. */
    public int mlpWidth() {
        return (int) (width * mlpRatio);
    }
}
