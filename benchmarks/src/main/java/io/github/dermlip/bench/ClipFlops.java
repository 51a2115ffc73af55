package io.github.dermlip.bench;

import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;

/**
 * Analytic floating-point operation counts of the CLIP architecture (a multiply-add counts as 2 FLOPs); only
 * matrix products are counted, as is usual for model FLOPs utilization, so norms, activations, softmax and
 * the optimizer are left out.
 *
 * <p>With width {@code d}, MLP width {@code m} and {@code L} tokens, one transformer block costs
 * {@code 2 L d (3d + d + 2m) + 4 L^2 d}: the fused q/k/v projection, the output projection, the two MLP
 * layers, then the scores {@code q k^T} and their product with {@code v} over all heads. The image tower adds
 * the patch embedding {@code 2 N (3 p^2) d} ({@code N} patches of side {@code p}, {@code L = N + 1} with the
 * class token) and its projection {@code 2 d e}; the text tower adds its projection {@code 2 d e} and counts
 * {@code L} as the positions it needs: up to the batch's longest caption, the end-of-text token being the last
 * position any output depends on under the causal mask. The contrastive logits of a batch of {@code B} cost
 * {@code 2 B^2 e}. A training step is counted as 3 forward passes (the backward pass computes two products per
 * forward product: the gradients of the input and of the weight).
 */
public final class ClipFlops {
    private ClipFlops() {}

    /** Forward FLOPs of one transformer block over {@code tokens} positions. */
    public static long block(long tokens, long width, long mlpWidth) {
        return 2 * tokens * width * (4 * width + 2 * mlpWidth) + 4 * tokens * tokens * width;
    }

    /** Forward FLOPs of the image tower for one image. */
    public static long imageTower(VisionConfig vision, int embedDim) {
        long width = vision.width();
        long patches = (long) vision.gridSize() * vision.gridSize();
        long patchArea = (long) vision.patchSize() * vision.patchSize();
        long embedding = 2 * patches * 3 * patchArea * width;
        return embedding + vision.layers() * block(patches + 1, width, vision.mlpWidth()) + 2 * width * embedDim;
    }

    /** Forward FLOPs of the text tower for one caption run over {@code tokens} positions. */
    public static long textTower(TextConfig text, int embedDim, int tokens) {
        long width = text.width();
        return text.layers() * block(tokens, width, text.mlpWidth()) + 2 * width * embedDim;
    }

    /**
     * FLOPs of one training step (forward and backward) on {@code batch} image-caption pairs whose text tower
     * runs over {@code textTokens} positions.
     */
    public static long trainingStep(ModelConfig model, int batch, int textTokens) {
        long perPair = imageTower(model.vision(), model.embedDim()) + textTower(model.text(), model.embedDim(), textTokens);
        long logits = 2L * batch * batch * model.embedDim();
        return 3 * (batch * perPair + logits);
    }
}
