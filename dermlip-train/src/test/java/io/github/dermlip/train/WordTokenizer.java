package io.github.dermlip.train;

import io.github.dermlip.core.tokenizer.TextTokenizer;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A word-level tokenizer over a fixed word list, for fast tests: row = start id, word ids, end id (the largest id, so
 * the text tower pools there), zero padding. Unknown words share one id. With {@code endLast} the end id always sits
 * at the last position (after the padding), so every batch has the same token length.
 */
final class WordTokenizer implements TextTokenizer {
    static final int VOCAB_SIZE = 32;
    static final int CONTEXT_LENGTH = 12;
    private static final int UNKNOWN = 1;
    private static final int START = VOCAB_SIZE - 2;
    private static final int END = VOCAB_SIZE - 1;
    private final Map<String, Integer> ids = new HashMap<>();
    private final boolean endLast;

    WordTokenizer() {
        this(false);
    }

    WordTokenizer(boolean endLast) {
        this.endLast = endLast;
        String[] words = {"a", "an", "one", "photo", "of", "image", "showing", "on", "grey", "background",
            "red", "green", "blue", "yellow", "circle", "square", "clinical", "dermoscopic", "close-up", "skin",
            "with", "condition", ".", "small", "large"};
        for (int i = 0; i < words.length; i++) {
            ids.put(words[i], 2 + i);
        }
    }

    @Override
    public TokenizedBatch encode(List<String> texts) {
        long[][] rows = new long[texts.size()][CONTEXT_LENGTH];
        long[][] mask = new long[texts.size()][CONTEXT_LENGTH];
        int[] eot = new int[texts.size()];
        for (int r = 0; r < texts.size(); r++) {
            String[] words = texts.get(r).toLowerCase(Locale.ROOT).replace(".", " . ").replace(",", " ").trim().split("\\s+");
            int n = Math.min(words.length, CONTEXT_LENGTH - 2);
            rows[r][0] = START;
            for (int i = 0; i < n; i++) {
                rows[r][i + 1] = ids.getOrDefault(words[i], UNKNOWN);
            }
            int end = endLast ? CONTEXT_LENGTH - 1 : n + 1;
            rows[r][end] = END;
            eot[r] = end;
            for (int i = 0; i <= end; i++) {
                mask[r][i] = 1;
            }
        }
        return new TokenizedBatch(rows, mask, eot);
    }

    @Override
    public int contextLength() {
        return CONTEXT_LENGTH;
    }
}
