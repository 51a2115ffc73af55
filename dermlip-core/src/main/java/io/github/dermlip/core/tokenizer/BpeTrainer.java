package io.github.dermlip.core.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a small byte-level BPE vocabulary in CLIP's format from a corpus, for models trained from scratch without
 * CLIP's vocabulary file.
 *
 * <p>Words come from exactly the pipeline {@link ClipBpeTokenizer} uses ({@link TextCleaner#LOWER}, CLIP's
 * pre-tokenizer, UTF-8 bytes with {@code </w>} on the last one), so the learned merges fit the tokenizer. Each step
 * merges the most frequent neighbouring pair over all words, weighted by word count; ties go to the pair whose
 * symbols come first in string order, so the result depends only on the texts. Training stops after
 * {@code maxMerges} merges, or earlier when no pair occurs at least {@value #MIN_PAIR_COUNT} times. The result has
 * {@code 512 + merges + 2} ids with {@code <start_of_text>} and {@code <end_of_text>} last; a text model for it needs
 * {@code vocab_size = vocabulary.size()}.
 *
 * <p>Each step recounts all pairs, which costs merges times corpus symbols: meant for the small caption corpora of
 * demos and tests, not for web-scale text.
 */
public final class BpeTrainer {
    /** A pair must occur at least this often to be merged. */
    public static final int MIN_PAIR_COUNT = 2;

    private BpeTrainer() {}

    /**
     * Learns at most {@code maxMerges} merges (at most {@link BpeVocabulary#MAX_MERGES}) from {@code texts}.
     */
    public static BpeVocabulary train(Iterable<String> texts, int maxMerges) {
        if (maxMerges < 0 || maxMerges > BpeVocabulary.MAX_MERGES) {
            throw new IllegalArgumentException("maxMerges must be in [0, " + BpeVocabulary.MAX_MERGES + "], got "
                    + maxMerges);
        }
        Map<String, Integer> wordCounts = countWords(texts);
        Symbols symbols = new Symbols();
        int[][] words = new int[wordCounts.size()][];
        int[] lengths = new int[words.length];
        int[] counts = new int[words.length];
        int w = 0;
        for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
            words[w] = symbols.ofWord(e.getKey().getBytes(StandardCharsets.UTF_8));
            lengths[w] = words[w].length;
            counts[w] = e.getValue();
            w++;
        }

        List<String> merges = new ArrayList<>();
        LongIntMap recorded = new LongIntMap(Math.max(16, maxMerges));
        while (merges.size() < maxMerges) {
            long best = mostFrequentPair(words, lengths, counts, symbols);
            if (best < 0) {
                break;
            }
            int left = LongIntMap.left(best);
            int right = LongIntMap.right(best);
            int merged = symbols.idOf(symbols.text(left) + symbols.text(right));
            if (recorded.get(best, 0) == 0) {
                merges.add(symbols.text(left) + " " + symbols.text(right));
                recorded.put(best, 1);
            }
            for (int k = 0; k < words.length; k++) {
                lengths[k] = mergeInPlace(words[k], lengths[k], left, right, merged);
            }
        }
        return BpeVocabulary.fromMerges(merges, "BPE trained on a corpus (" + merges.size() + " merges)");
    }

    private static Map<String, Integer> countWords(Iterable<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        for (String text : texts) {
            for (String word : ClipPreTokenizer.split(TextCleaner.LOWER.clean(text))) {
                if (!word.equals(ClipPreTokenizer.START_OF_TEXT) && !word.equals(ClipPreTokenizer.END_OF_TEXT)) {
                    counts.merge(word, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The packed pair with the highest weighted count (ties: smallest symbol strings), or -1 if none reaches the minimum. */
    private static long mostFrequentPair(int[][] words, int[] lengths, int[] counts, Symbols symbols) {
        LongIntMap pairCounts = new LongIntMap(1024);
        for (int k = 0; k < words.length; k++) {
            int[] s = words[k];
            for (int i = 0; i + 1 < lengths[k]; i++) {
                pairCounts.add(LongIntMap.pair(s[i], s[i + 1]), counts[k]);
            }
        }
        long[] best = {-1L};
        int[] bestCount = {MIN_PAIR_COUNT - 1};
        pairCounts.forEach((pair, count) -> {
            if (count > bestCount[0] || (count == bestCount[0] && best[0] >= 0 && symbols.comparePairs(pair, best[0]) < 0)) {
                best[0] = pair;
                bestCount[0] = count;
            }
        });
        return best[0];
    }

    /** Merges every left-to-right occurrence of {@code (left, right)} in the first {@code n} symbols; returns the new length. */
    private static int mergeInPlace(int[] s, int n, int left, int right, int merged) {
        int out = 0;
        for (int i = 0; i < n; ) {
            if (i + 1 < n && s[i] == left && s[i + 1] == right) {
                s[out++] = merged;
                i += 2;
            } else {
                s[out++] = s[i++];
            }
        }
        return out;
    }

    /** Symbol strings and their ids during training; equal strings share one id. */
    private static final class Symbols {
        private final List<String> texts = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final int[] byteSymbol = new int[256];
        private final int[] byteSymbolEndOfWord = new int[256];

        Symbols() {
            for (int b = 0; b < 256; b++) {
                String c = String.valueOf(ByteLevelAlphabet.charOf(b));
                byteSymbol[b] = idOf(c);
                byteSymbolEndOfWord[b] = idOf(c + ByteLevelAlphabet.END_OF_WORD);
            }
        }

        int idOf(String text) {
            Integer id = ids.get(text);
            if (id == null) {
                id = texts.size();
                texts.add(text);
                ids.put(text, id);
            }
            return id;
        }

        String text(int id) {
            return texts.get(id);
        }

        int[] ofWord(byte[] utf8) {
            int[] s = new int[utf8.length];
            for (int i = 0; i < utf8.length; i++) {
                s[i] = byteSymbol[utf8[i] & 0xFF];
            }
            s[s.length - 1] = byteSymbolEndOfWord[utf8[utf8.length - 1] & 0xFF];
            return s;
        }

        int comparePairs(long a, long b) {
            int byLeft = text(LongIntMap.left(a)).compareTo(text(LongIntMap.left(b)));
            return byLeft != 0 ? byLeft : text(LongIntMap.right(a)).compareTo(text(LongIntMap.right(b)));
        }
    }
}
