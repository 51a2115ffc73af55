package io.github.dermlip.core.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.dermlip.core.hub.HfRepoFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * open_clip's {@code HFTokenizer} for text towers with a Hugging Face tokenizer (BERT-style towers such as
 * PubMedBERT): texts are cleaned ({@link TextCleaner#WHITESPACE} by default, as in open_clip), then tokenized with
 * special tokens, truncated and padded to the context length ({@code padding='max_length', truncation=True}).
 *
 * <p>The tokenizer is read from a local {@code tokenizer.json} only ({@link #forModel} says where it is looked for);
 * nothing is ever downloaded. The row's
 * {@link TokenizedBatch#eotIndex()} is its last real token (the {@code [SEP]} for BERT). Thread-safe; close it to free
 * the native tokenizer.
 */
public final class HfTextTokenizer implements TextTokenizer, AutoCloseable {
    private static final String TOKENIZER_FILE = "tokenizer.json";

    private final HuggingFaceTokenizer tokenizer;
    private final int contextLength;
    private final TextCleaner cleaner;

    private HfTextTokenizer(HuggingFaceTokenizer tokenizer, int contextLength, TextCleaner cleaner) {
        this.tokenizer = tokenizer;
        this.contextLength = contextLength;
        this.cleaner = cleaner;
    }

    /**
     * The tokenizer an open_clip config names in {@code text_cfg.hf_tokenizer_name}, with open_clip's default
     * cleaning. Its {@code tokenizer.json} is looked for in the folder the name gives (absolute, or relative to the
     * model folder), then in the model folder itself (hub repositories ship the text tower's tokenizer beside the
     * weights), then in the Hugging Face cache.
     *
     * @throws VocabularyException naming the tokenizer and every place looked at when none holds the file
     */
    public static HfTextTokenizer forModel(String tokenizerName, Path modelDir, int contextLength) {
        List<String> tried = new ArrayList<>();
        HfRepoFiles files = HfRepoFiles.forModelDir(modelDir);
        Optional<Path> named = files.find(tokenizerName, TOKENIZER_FILE, new ArrayList<>());
        Path beside = modelDir.resolve(TOKENIZER_FILE);
        Optional<Path> found = named.isPresent() ? named : Files.isRegularFile(beside) ? Optional.of(beside) : Optional.empty();
        if (found.isEmpty()) {
            files.find(tokenizerName, TOKENIZER_FILE, tried);
            tried.add(1, beside.toString());
            throw new VocabularyException(modelDir + ": the config names the Hugging Face tokenizer '" + tokenizerName
                    + "' (text_cfg.hf_tokenizer_name) but no " + TOKENIZER_FILE + " was found; looked in: "
                    + String.join(", ", tried) + " (nothing is downloaded; DermLipOptions.withHfTokenizer names one)");
        }
        return fromFile(found.get(), contextLength);
    }

    /** Reads {@code tokenizerJson} (a {@code tokenizer.json}, or a directory holding one) with open_clip's default cleaning. */
    public static HfTextTokenizer fromFile(Path tokenizerJson, int contextLength) {
        return fromFile(tokenizerJson, contextLength, TextCleaner.WHITESPACE);
    }

    /** Reads {@code tokenizerJson} (a {@code tokenizer.json}, or a directory holding one). */
    public static HfTextTokenizer fromFile(Path tokenizerJson, int contextLength, TextCleaner cleaner) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2, got " + contextLength);
        }
        Path file = Files.isDirectory(tokenizerJson) ? tokenizerJson.resolve(TOKENIZER_FILE) : tokenizerJson;
        if (!Files.isRegularFile(file)) {
            throw new VocabularyException(file + ": no such Hugging Face tokenizer file (a local tokenizer.json is"
                    + " required; nothing is downloaded)");
        }
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "padding", "max_length",
                "truncation", "true",
                "maxLength", String.valueOf(contextLength));
        try {
            return new HfTextTokenizer(HuggingFaceTokenizer.newInstance(file, options), contextLength, cleaner);
        } catch (IOException e) {
            throw new VocabularyException(file + ": cannot read tokenizer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new VocabularyException(file + ": not a valid Hugging Face tokenizer.json: " + e.getMessage(), e);
        }
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    @Override
    public TokenizedBatch encode(List<String> texts) {
        String[] cleaned = new String[texts.size()];
        for (int i = 0; i < cleaned.length; i++) {
            cleaned[i] = cleaner.clean(texts.get(i));
        }
        long[][] ids = new long[cleaned.length][];
        long[][] mask = new long[cleaned.length][];
        int[] eot = new int[cleaned.length];
        if (cleaned.length == 0) {
            return new TokenizedBatch(ids, mask, eot);
        }
        Encoding[] encodings = tokenizer.batchEncode(cleaned);
        for (int r = 0; r < encodings.length; r++) {
            ids[r] = encodings[r].getIds();
            mask[r] = encodings[r].getAttentionMask();
            if (ids[r].length != contextLength) {
                throw new IllegalStateException("Hugging Face tokenizer returned " + ids[r].length + " ids for text "
                        + r + ", expected " + contextLength);
            }
            int last = 0;
            for (int i = 0; i < contextLength; i++) {
                if (mask[r][i] != 0) {
                    last = i;
                }
            }
            eot[r] = last;
        }
        return new TokenizedBatch(ids, mask, eot);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
