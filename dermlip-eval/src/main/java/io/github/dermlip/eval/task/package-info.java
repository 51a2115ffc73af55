/**
 * Evaluation tasks that turn a model and a dataset into paper-ready reports: zero-shot classification
 * ({@link io.github.dermlip.eval.task.ZeroShotTask}), linear probing
 * ({@link io.github.dermlip.eval.task.LinearProbeTask}), image-text retrieval
 * ({@link io.github.dermlip.eval.task.RetrievalTask}), concept annotation
 * ({@link io.github.dermlip.eval.task.ConceptTask}) and multi-model benchmark suites
 * ({@link io.github.dermlip.eval.task.BenchmarkSuite}).
 *
 * <p>Every task talks to the model through {@link io.github.dermlip.eval.task.EmbeddingModel}
 * ({@link io.github.dermlip.eval.task.DermLipModel} for the library's models), has an {@code evaluate} method that
 * returns a result record and a {@code run} method that also writes the report folder. Every report folder holds
 * {@code metrics.json}, {@code results.csv}, {@code results.md} and {@code results.tex} (metrics as
 * {@code value [low, high]} with 95% bootstrap intervals), PNG plots and the run's provenance; the task's report
 * class lists its further files ({@link io.github.dermlip.eval.task.ZeroShotReport},
 * {@link io.github.dermlip.eval.task.LinearProbeReport}, {@link io.github.dermlip.eval.task.RetrievalReportFiles},
 * {@link io.github.dermlip.eval.task.ConceptReport}, {@link io.github.dermlip.eval.task.SuiteReport}).
 *
 * <p><b>metrics.json.</b> The layout of {@link io.github.dermlip.eval.report.MetricsJson} ({@code schema},
 * {@code provenance}, {@code results[].metrics.NAME.value|low|high}, {@code per_class}, {@code confusion_matrices})
 * with the task's headline keys at the top level, after {@code schema}: for zero-shot {@code accuracy},
 * {@code balanced_accuracy}, {@code macro_f1}, {@code weighted_f1}, {@code macro_auroc}, {@code macro_aupr},
 * {@code top5_accuracy} (more than five classes), {@code ece}, {@code n} and {@code intervals.NAME = [low, high]};
 * for linear probes {@code settings[i].NAME}; for retrieval open_clip's {@code image_to_text_R@1} and so on; for
 * concepts {@code mean_auroc}, {@code concepts_above_0.7} and {@code per_concept}. These names are stable.
 *
 * <p><b>Where the definitions differ from DermLIP's or open_clip's scripts.</b>
 * <ul>
 *   <li>Confidence intervals are not part of either: stratified (by true class) percentile bootstrap for
 *       classification, plain bootstrap over queries (gallery whole) for retrieval and over images for concepts.</li>
 *   <li>Linear probe: the scikit-learn objective with DermLIP's C rule (DermLIP's default PyTorch L-BFGS path
 *       penalizes an unsquared norm), macro AUROC one-vs-rest (DermLIP's probe script passes {@code ovo}); the
 *       percent rule {@code max(1, floor(n_c p))} matches DermLIP's counts, not its pandas draws. A dataset
 *       without a split column gets a seeded stratified 20% test hold-out. Several seeds are summarized as the mean
 *       with the interval of the seed-averaged metric, plus the population standard deviation.</li>
 *   <li>Retrieval ranks are core's {@link io.github.dermlip.core.retrieval.PairRanks} (float32 dot products,
 *       ties broken by index); open_clip's float32 {@code argsort} can order near-exact ties differently.</li>
 *   <li>Concepts: a concept of the annotations without terms is an error (DermLIP silently drops it, shifting
 *       columns).</li>
 * </ul>
 */
package io.github.dermlip.eval.task;
