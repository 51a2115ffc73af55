package io.github.dermlip.eval.task;

import io.github.dermlip.eval.data.LabeledDataset;
import io.github.dermlip.eval.probe.PercentSubsampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The training, validation and test rows of a linear probe, as indices into a dataset's items.
 *
 * <p>When the dataset has a split column, training rows are those of split {@value #TRAIN} and test rows those of
 * the requested test split. When it has none, a seeded stratified hold-out is drawn: every class keeps
 * {@code max(1, floor(0.2 n_c))} rows for testing (the {@link PercentSubsampler} rule with
 * {@value #HOLDOUT_FRACTION}), the rest train. A validation set (only needed to choose C) is the dataset's
 * {@code val}/{@code valid}/{@code validation} split when present, else the same 20% rule applied to the training
 * rows, which then shrink accordingly.
 *
 * @param train training rows, ascending
 * @param validation validation rows, ascending (empty when not requested)
 * @param test test rows, ascending
 * @param description how the split was made, for the report
 */
public record ProbeSplits(int[] train, int[] validation, int[] test, String description) {
    /** The split name of training rows. */
    public static final String TRAIN = "train";
    /** The share of every class held out for testing (or validation) when the dataset has no such split. */
    public static final double HOLDOUT_FRACTION = 0.2;
    private static final Set<String> VALIDATION_NAMES = Set.of("val", "valid", "validation");

    /** Copies the arrays. */
    public ProbeSplits {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    /** Training rows (a copy). */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** Validation rows (a copy). */
    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** Test rows (a copy). */
    @Override
    public int[] test() {
        return test.clone();
    }

    /**
     * Splits a dataset.
     *
     * @param data the dataset
     * @param testSplit the split evaluated when the dataset has a split column
     * @param needValidation whether a validation set is needed
     * @param seed seed of the hold-out draws
     * @throws IllegalArgumentException naming the splits present when the training or test split is empty
     */
    public static ProbeSplits of(LabeledDataset data, String testSplit, boolean needValidation, long seed) {
        int[] labels = data.labels();
        int[] all = new int[labels.length];
        Arrays.setAll(all, i -> i);
        if (data.splits().isEmpty()) {
            int[][] parts = holdOut(all, labels, seed);
            String description = "no split column: seeded stratified hold-out of " + percent()
                    + " per class for testing";
            return withValidation(parts[0], new int[0], parts[1], labels, needValidation, seed, description);
        }
        int[] train = rowsOf(data, Set.of(TRAIN));
        int[] test = rowsOf(data, Set.of(testSplit));
        if (train.length == 0 || test.length == 0) {
            throw new IllegalArgumentException(data.name() + ": the linear probe needs rows in split '" + TRAIN
                    + "' and in split '" + testSplit + "'; splits present: " + data.splits());
        }
        int[] validation = needValidation ? rowsOf(data, VALIDATION_NAMES) : new int[0];
        String description = "split column: train='" + TRAIN + "', test='" + testSplit + "'";
        return withValidation(train, validation, test, labels, needValidation, seed, description);
    }

    private static ProbeSplits withValidation(int[] train, int[] validation, int[] test, int[] labels,
            boolean needValidation, long seed, String description) {
        if (!needValidation) {
            return new ProbeSplits(train, new int[0], test, description);
        }
        if (validation.length > 0) {
            return new ProbeSplits(train, validation, test, description + ", validation=dataset's validation split");
        }
        int[][] parts = holdOut(train, labels, seed);
        return new ProbeSplits(parts[0], parts[1], test,
                description + ", validation=seeded stratified " + percent() + " of the training rows");
    }

    /** Splits {@code rows} into {@code [kept, heldOut]}, holding out the percent rule's rows of every class. */
    private static int[][] holdOut(int[] rows, int[] labels, long seed) {
        int[] rowLabels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rowLabels[i] = labels[rows[i]];
        }
        int[] held = PercentSubsampler.sample(rowLabels, HOLDOUT_FRACTION, seed);
        boolean[] isHeld = new boolean[rows.length];
        for (int h : held) {
            isHeld[h] = true;
        }
        List<Integer> kept = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            (isHeld[i] ? out : kept).add(rows[i]);
        }
        return new int[][] {kept.stream().mapToInt(Integer::intValue).sorted().toArray(),
            out.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    private static int[] rowsOf(LabeledDataset data, Set<String> splits) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            String split = data.items().get(i).split();
            if (split != null && splits.contains(split)) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String percent() {
        return Math.round(HOLDOUT_FRACTION * 100) + "%";
    }
}
