/**
 * Crash-safe training checkpoints: open_clip hub directories (config + safetensors weights under open_clip's
 * names) plus the optimizer moments and the training state needed to continue a run exactly.
 */
package io.github.dermlip.train.checkpoint;
