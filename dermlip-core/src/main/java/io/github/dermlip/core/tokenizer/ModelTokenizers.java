package io.github.dermlip.core.tokenizer;

import io.github.dermlip.core.config.TextConfig;
import java.nio.file.Path;

/**
 * The tokenizer a model's {@code text_cfg} calls for, at its context length: the Hugging Face tokenizer that
 * {@code hf_tokenizer_name} names (found as {@link HfTextTokenizer#forModel} says), else CLIP's BPE.
 */
public final class ModelTokenizers {
    private ModelTokenizers() {}

    /**
     * @param modelDir the model's folder, where relative tokenizer names resolve
     * @param bpeVocabulary the CLIP BPE vocabulary file, or null for {@link BpeVocabulary#loadDefault()}
     */
    public static TextTokenizer forModel(Path modelDir, TextConfig text, Path bpeVocabulary) {
        if (text.hfTokenizerName() != null) {
            return HfTextTokenizer.forModel(text.hfTokenizerName(), modelDir, text.contextLength());
        }
        BpeVocabulary vocabulary = bpeVocabulary != null ? BpeVocabulary.load(bpeVocabulary) : BpeVocabulary.loadDefault();
        return new ClipBpeTokenizer(vocabulary, text.contextLength());
    }
}
