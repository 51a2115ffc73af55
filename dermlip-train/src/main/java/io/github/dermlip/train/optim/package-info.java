/**
 * Optimization written over DJL parameters: AdamW with open_clip's decay-by-name rule and checkpointable moments,
 * global gradient-norm clipping as torch's {@code clip_grad_norm_}, and open_clip's learning-rate schedules.
 */
package io.github.dermlip.train.optim;
