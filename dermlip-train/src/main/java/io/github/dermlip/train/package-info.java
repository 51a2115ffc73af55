/**
 * Contrastive image-text pretraining as open_clip does it: {@link io.github.dermlip.train.Trainer} runs a
 * {@link io.github.dermlip.train.TrainConfig} (open_clip's argument names), writing {@code LOGS/NAME/} with
 * {@code params.json}, {@code results.jsonl}, open_clip-loadable checkpoints and a loss/learning-rate plot.
 * {@link io.github.dermlip.train.ContrastiveStep} holds the forward/backward passes with gradient accumulation,
 * {@link io.github.dermlip.train.EpochEvaluator} the per-epoch validation loss, retrieval and zero-shot metrics.
 */
package io.github.dermlip.train;
