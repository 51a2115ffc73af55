package io.github.dermlip.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * open_clip's {@code SimpleTokenizer} (open_clip 3.3.0): CLIP's byte-level BPE, giving the same ids as Python.
 *
 * <p>Each text is cleaned ({@link TextCleaner#LOWER} by default: ftfy's fixes, HTML unescaping twice, whitespace
 * collapsed, lower-cased; see {@link TextCleaner} for what of ftfy is not reproduced), split into words by CLIP's
 * pattern, and each word's UTF-8 bytes are BPE-encoded with {@code </w>} on the last symbol. A row is
 * {@code <start_of_text>}, the tokens, {@code <end_of_text>}, padded with 0 to the context length; a longer one is
 * cut to the context length with {@code <end_of_text>} as its last id. Note that 0 is also the real token {@code !},
 * so the attention mask comes from the row lengths, not from the ids. The literal texts {@code <start_of_text>} and
 * {@code <end_of_text>} in a caption become those tokens, as in Python.
 *
 * <p>Known differences from Python: text that ftfy would repair as mojibake is tokenized unrepaired (see
 * {@link TextCleaner}); and letters, numbers and case follow the JVM's Unicode version (13.0 on Java 17), while
 * Python's {@code regex} module knows later versions, so characters assigned since Unicode 14 may split differently.
 *
 * <p>Thread-safe. Word encodings are memoized in a concurrent cache bounded by the characters it holds (words and
 * ids together, at most {@value #DEFAULT_CACHE_CHARS}; emptied when full, and a word of more than a
 * {@value #LARGEST_CACHED_SHARE}th of it is never kept), so repeated vocabulary costs one hash lookup per word and
 * hostile text of huge distinct words cannot fill the heap. A long word costs O(n log n) ({@link LongWordBpe}).
 */
public final class ClipBpeTokenizer implements TextTokenizer {
    /** CLIP's context length. */
    public static final int DEFAULT_CONTEXT_LENGTH = 77;
    /** Most characters (of words, plus two per cached id) kept in the memo before it is emptied. */
    public static final int DEFAULT_CACHE_CHARS = 4 << 20;
    /** A word longer than the memo's capacity divided by this is encoded every time instead of cached. */
    static final int LARGEST_CACHED_SHARE = 64;

    private final BpeVocabulary vocabulary;
    private final int contextLength;
    private final TextCleaner cleaner;
    private final int cacheChars;
    private final ClipSpecialTokens specials;
    private final long padId;
    private final Map<String, int[]> wordCache = new ConcurrentHashMap<>(1 << 12);
    private final AtomicLong cachedChars = new AtomicLong();

    /**
     * A tokenizer over {@code vocabulary}.
     *
     * @param contextLength ids per row, start and end tokens included (at least 2)
     * @param cleaner the text cleaning; open_clip's default for this tokenizer is {@link TextCleaner#LOWER}
     */
    public ClipBpeTokenizer(BpeVocabulary vocabulary, int contextLength, TextCleaner cleaner) {
        this(vocabulary, contextLength, cleaner, DEFAULT_CACHE_CHARS);
    }

    /** As the public constructor, with the memo holding at most {@code cacheChars} characters. */
    ClipBpeTokenizer(BpeVocabulary vocabulary, int contextLength, TextCleaner cleaner, int cacheChars) {
        this(vocabulary, contextLength, cleaner, cacheChars, ClipSpecialTokens.OPEN_CLIP, 0);
    }

    private ClipBpeTokenizer(BpeVocabulary vocabulary, int contextLength, TextCleaner cleaner, int cacheChars,
            ClipSpecialTokens specials, long padId) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2 (start and end tokens), got "
                    + contextLength);
        }
        this.vocabulary = vocabulary;
        this.contextLength = contextLength;
        this.cleaner = cleaner;
        this.cacheChars = cacheChars;
        this.specials = specials;
        this.padId = padId;
    }

    /** open_clip's default: lower-case cleaning over {@code vocabulary}. */
    public ClipBpeTokenizer(BpeVocabulary vocabulary, int contextLength) {
        this(vocabulary, contextLength, TextCleaner.LOWER);
    }

    /**
     * Hugging Face's slow {@code CLIPTokenizer} over the same BPE: {@link TextCleaner#FTFY_LOWER} cleaning, the
     * special tokens spelt {@code <|startoftext|>} and {@code <|endoftext|>}, and rows padded with {@code padId}
     * (49407, the end-of-text id, in the openai repositories). The attention mask still ends at the first
     * end-of-text, so it cannot be computed as {@code ids != padId}.
     */
    public static ClipBpeTokenizer huggingFace(BpeVocabulary vocabulary, int contextLength, int padId) {
        return new ClipBpeTokenizer(vocabulary, contextLength, TextCleaner.FTFY_LOWER, DEFAULT_CACHE_CHARS,
                ClipSpecialTokens.HUGGING_FACE, padId);
    }

    /** The vocabulary. */
    public BpeVocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int contextLength() {
        return contextLength;
    }

    /** The token ids of one text without start and end tokens and without truncation ({@code SimpleTokenizer.encode}). */
    public int[] tokenize(String text) {
        return tokenize(text, Integer.MAX_VALUE);
    }

    @Override
    public TokenizedBatch encode(List<String> texts) {
        int rows = texts.size();
        long[][] ids = new long[rows][contextLength];
        long[][] mask = new long[rows][contextLength];
        int[] eot = new int[rows];
        int room = contextLength - 2;
        for (int r = 0; r < rows; r++) {
            int[] tokens = tokenize(texts.get(r), room);
            int n = Math.min(tokens.length, room);
            long[] row = ids[r];
            row[0] = vocabulary.sotId();
            for (int i = 0; i < n; i++) {
                row[i + 1] = tokens[i];
            }
            row[n + 1] = vocabulary.eotId();
            Arrays.fill(row, n + 2, contextLength, padId);
            Arrays.fill(mask[r], 0, n + 2, 1L);
            eot[r] = firstArgMax(row);
        }
        return new TokenizedBatch(ids, mask, eot);
    }

    /** Tokens of {@code text}; stops once it has more than {@code limit}, since a row keeps only the first ones. */
    private int[] tokenize(String text, int limit) {
        String clean = cleaner.clean(text);
        int[] out = new int[16];
        int count = 0;
        for (int start = ClipPreTokenizer.nextStart(clean, 0); start >= 0 && count <= limit; ) {
            int end = ClipPreTokenizer.wordEnd(clean, start, specials);
            int[] word = encodeWord(clean.substring(start, end));
            if (count + word.length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, count + word.length));
            }
            System.arraycopy(word, 0, out, count, word.length);
            count += word.length;
            start = ClipPreTokenizer.nextStart(clean, end);
        }
        return Arrays.copyOf(out, count);
    }

    private int[] encodeWord(String word) {
        int[] cached = wordCache.get(word);
        if (cached != null) {
            return cached;
        }
        int[] ids;
        if (word.equals(specials.startOfText())) {
            ids = new int[] {vocabulary.sotId()};
        } else if (word.equals(specials.endOfText())) {
            ids = new int[] {vocabulary.eotId()};
        } else {
            ids = vocabulary.encodeWord(word.getBytes(StandardCharsets.UTF_8));
        }
        long cost = word.length() + 2L * ids.length;
        if (cost > cacheChars / LARGEST_CACHED_SHARE) {
            return ids;
        }
        if (cachedChars.addAndGet(cost) > cacheChars) {
            wordCache.clear();
            cachedChars.set(cost);
        }
        wordCache.put(word, ids);
        return ids;
    }

    /** Characters the memo holds now (words, plus two per id), which stays near {@code cacheChars}. */
    long cachedCharacters() {
        long total = 0;
        for (Map.Entry<String, int[]> e : wordCache.entrySet()) {
            total += e.getKey().length() + 2L * e.getValue().length;
        }
        return total;
    }

    /** Position of the first largest id, as {@code torch.argmax} returns it. */
    private static int firstArgMax(long[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
