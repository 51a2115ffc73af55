package io.github.dermlip.eval.metrics;

import java.util.function.ToDoubleFunction;

/**
 * Multi-class classification metrics from true labels and predicted class probabilities, with scikit-learn's
 * semantics (so numbers match DermLIP's Python evaluation). The predicted class of a row is the first class of
 * largest probability ({@code argmax}).
 *
 * <ul>
 *   <li><b>accuracy</b>: {@code accuracy_score}.</li>
 *   <li><b>balanced accuracy</b>: {@code balanced_accuracy_score}, mean recall over the classes present in the
 *       true labels.</li>
 *   <li><b>macro / weighted F1</b>: {@code f1_score(average='macro'|'weighted', zero_division=0)}. The macro
 *       mean runs over the classes present in the true <i>or</i> predicted labels (scikit-learn's
 *       {@code unique_labels(y_true, y_pred)}); a class that is predicted but never true has recall 0, a class
 *       that is true but never predicted has precision 0, and either way F1 0. The weighted mean weights each
 *       class by its support, so classes absent from the true labels weigh nothing.</li>
 *   <li><b>macro AUROC</b>: {@code roc_auc_score(multi_class='ovr', average='macro')}: the unweighted mean of
 *       one-vs-rest AUROCs, ties scored one half ({@link BinaryScores#auroc}). Classes absent from the true
 *       labels are skipped (scikit-learn would reject the input), and so is a class that is the only one
 *       present. With K = 2 it is the AUROC of class 1's probability, as scikit-learn computes for binary
 *       labels. (DermLIP's linear-probe script passes {@code multi_class='ovo'} instead; one-vs-rest is the
 *       definition used here.)</li>
 *   <li><b>macro AUPR</b>: {@code average_precision_score(average='macro')} on one-vs-rest labels, the mean of
 *       per-class average precision ({@link BinaryScores#averagePrecision}) over classes present in the true
 *       labels; with K = 2 the average precision of class 1.</li>
 *   <li><b>top-5 accuracy</b> (K &gt; 5 only): {@code top_k_accuracy_score(k=5)}; among tied probabilities the
 *       higher class index ranks first, as in scikit-learn.</li>
 *   <li><b>ECE</b>: expected calibration error over 15 equal-width bins of the top-class probability
 *       ({@link Calibration}).</li>
 *   <li><b>confusion matrix</b>: {@code [true][predicted]} counts over all K classes; <b>per class</b>:
 *       precision, recall, F1 ({@code zero_division=0}) and support of every class.</li>
 * </ul>
 * For many evaluations of one prediction (bootstrap), prepare it once with {@link ClassificationEvaluator}.
 */
public final class ClassificationMetrics {
    private ClassificationMetrics() {}

    /**
     * Metrics over all rows.
     *
     * @param trueLabels true class of every row, in {@code [0, numClasses)}
     * @param probabilities {@code [N][K]} predicted class probabilities
     * @param numClasses K, at least 2
     */
    public static ClassificationReport compute(int[] trueLabels, double[][] probabilities, int numClasses) {
        return new ClassificationEvaluator(trueLabels, probabilities, numClasses).evaluate();
    }

    /**
     * Metrics over a multiset of rows (a bootstrap resample, a subgroup).
     *
     * @param rows indices into {@code trueLabels} and {@code probabilities}; duplicates count repeatedly
     */
    public static ClassificationReport compute(int[] trueLabels, double[][] probabilities, int numClasses,
            int[] rows) {
        return new ClassificationEvaluator(trueLabels, probabilities, numClasses).evaluate(rows);
    }

    /**
     * One scalar metric (by its stable name in {@link ClassificationReport#SCALAR_NAMES}) as a function of a
     * multiset of rows, ready for {@code io.github.dermlip.eval.stats.Bootstrap}; the prediction is prepared
     * once, here.
     */
    public static ToDoubleFunction<int[]> metricOnRows(String name, int[] trueLabels, double[][] probabilities,
            int numClasses) {
        return new ClassificationEvaluator(trueLabels, probabilities, numClasses).metric(name);
    }
}
