package io.github.dermlip.eval.probe;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The folds of scikit-learn's {@code StratifiedKFold(n_splits=k)} without shuffling, so cross-validation picks the
 * C that scikit-learn's {@code GridSearchCV(cv=k)} picks: classes are numbered in order of first appearance, the
 * rows sorted by that number are dealt round-robin to count each fold's share of every class, and within a class
 * the rows, in data order, fill fold 0 with its share, then fold 1, and so on.
 */
public final class StratifiedFolds {
    private StratifiedFolds() {}

    /**
     * The test fold of every row.
     *
     * @throws IllegalArgumentException when {@code k < 2}, or when every class has fewer than {@code k} rows
     *     (scikit-learn's own refusal)
     */
    public static int[] assign(int[] labels, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("need at least 2 folds, got " + k);
        }
        Map<Integer, Integer> firstAppearance = new LinkedHashMap<>();
        for (int label : labels) {
            firstAppearance.putIfAbsent(label, firstAppearance.size());
        }
        int classes = firstAppearance.size();
        int[] encoded = Arrays.stream(labels).map(firstAppearance::get).toArray();
        int[] counts = new int[classes];
        for (int c : encoded) {
            counts[c]++;
        }
        if (Arrays.stream(counts).allMatch(n -> n < k)) {
            throw new IllegalArgumentException(k + " folds need more rows than some class has; class sizes "
                    + Arrays.toString(counts));
        }
        int[] sorted = encoded.clone();
        Arrays.sort(sorted);
        int[][] allocation = new int[k][classes];
        for (int i = 0; i < sorted.length; i++) {
            allocation[i % k][sorted[i]]++;
        }
        int[] fold = new int[labels.length];
        int[] nextFold = new int[classes];
        int[] filled = new int[classes];
        for (int row = 0; row < labels.length; row++) {
            int c = encoded[row];
            while (filled[c] == allocation[nextFold[c]][c]) {
                nextFold[c]++;
                filled[c] = 0;
            }
            fold[row] = nextFold[c];
            filled[c]++;
        }
        return fold;
    }
}
