package io.github.dermlip.core.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * CLIP's BPE of one word in O(n log n), for long words: the same rounds as {@link BpeVocabulary#encodeWord} (each
 * round merges every occurrence of the lowest-ranked pair present, left to right, seeing the symbols as they were
 * when the round began), but each round visits only the occurrences of its pair instead of the whole word, so a
 * 100,000-letter word costs milliseconds instead of seconds, with the same ids.
 *
 * <p>Symbols form a linked list over their first byte's index; the occurrences of each pair are kept by rank, and
 * stale ones (a neighbour merged away since) are recognised and dropped when their round comes.
 */
final class LongWordBpe {
    private final BpeVocabulary vocabulary;
    private final int[] symbol;
    private final int[] next;
    private final int[] prev;
    /** The round in which each symbol was made by a merge, so that the same round never merges it again. */
    private final int[] madeInRound;
    private final Map<Integer, List<Integer>> occurrences = new HashMap<>();
    private final PriorityQueue<Integer> ranks = new PriorityQueue<>();

    private LongWordBpe(BpeVocabulary vocabulary, int[] symbols) {
        this.vocabulary = vocabulary;
        int n = symbols.length;
        this.symbol = symbols.clone();
        this.next = new int[n];
        this.prev = new int[n];
        this.madeInRound = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
        }
    }

    /** The final symbols of a word given as its initial byte symbols ({@code </w>} already on the last). */
    static int[] encode(BpeVocabulary vocabulary, int[] symbols) {
        return new LongWordBpe(vocabulary, symbols).run();
    }

    private int[] run() {
        for (int i = 0; i + 1 < symbol.length; i++) {
            register(i);
        }
        int round = 0;
        while (!ranks.isEmpty()) {
            int rank = ranks.poll();
            List<Integer> found = occurrences.remove(rank);
            if (found != null) {
                mergeAll(rank, found, ++round);
            }
        }
        int[] out = new int[symbol.length];
        int n = 0;
        for (int i = 0; i >= 0; i = next[i]) {
            out[n++] = symbol[i];
        }
        return Arrays.copyOf(out, n);
    }

    private void mergeAll(int rank, List<Integer> found, int round) {
        int first = vocabulary.mergeLeft(rank);
        int second = vocabulary.mergeRight(rank);
        int merged = vocabulary.mergeResult(rank);
        found.sort(null);
        List<Integer> changed = new ArrayList<>();
        for (int pos : found) {
            int right = symbol[pos] >= 0 ? next[pos] : -1;
            if (right < 0 || symbol[pos] != first || symbol[right] != second
                    || madeInRound[pos] == round || madeInRound[right] == round) {
                continue;
            }
            symbol[pos] = merged;
            madeInRound[pos] = round;
            symbol[right] = -1;
            next[pos] = next[right];
            if (next[pos] >= 0) {
                prev[next[pos]] = pos;
            }
            if (prev[pos] >= 0) {
                changed.add(prev[pos]);
            }
            changed.add(pos);
        }
        for (int pos : changed) {
            if (symbol[pos] >= 0) {
                register(pos);
            }
        }
    }

    /** Files the pair that starts at {@code pos} under its rank, when it is a merge. */
    private void register(int pos) {
        int right = next[pos];
        if (right < 0) {
            return;
        }
        int rank = vocabulary.rankOf(symbol[pos], symbol[right]);
        if (rank == Integer.MAX_VALUE) {
            return;
        }
        occurrences.computeIfAbsent(rank, r -> {
            ranks.add(r);
            return new ArrayList<>();
        }).add(pos);
    }
}
