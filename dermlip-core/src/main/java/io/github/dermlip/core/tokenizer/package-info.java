/**
 * Text tokenizers that give the same ids as open_clip 3.3.0.
 *
 * <ul>
 *   <li>{@link io.github.dermlip.core.tokenizer.TextTokenizer}: the contract the text towers use, producing a
 *       {@link io.github.dermlip.core.tokenizer.TokenizedBatch} (ids, attention mask, pooling positions).</li>
 *   <li>{@link io.github.dermlip.core.tokenizer.ClipBpeTokenizer}: CLIP's byte-level BPE ({@code SimpleTokenizer}),
 *       over a {@link io.github.dermlip.core.tokenizer.BpeVocabulary} read from CLIP's
 *       {@code bpe_simple_vocab_16e6.txt.gz} (bundled, or named by {@link io.github.dermlip.core.tokenizer.BpeVocabularyFiles})
 *       or learned from captions by {@link io.github.dermlip.core.tokenizer.BpeTrainer}.</li>
 *   <li>{@link io.github.dermlip.core.tokenizer.HfTextTokenizer}: a local Hugging Face {@code tokenizer.json} for
 *       BERT-style towers ({@code HFTokenizer}).</li>
 *   <li>{@link io.github.dermlip.core.tokenizer.TextCleaner}: open_clip's caption cleaning, ftfy and HTML unescaping
 *       included.</li>
 * </ul>
 */
package io.github.dermlip.core.tokenizer;
