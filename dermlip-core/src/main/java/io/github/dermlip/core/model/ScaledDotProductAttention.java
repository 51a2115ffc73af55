package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;

/**
 * The multi-head attention core of the towers whose q/k/v projections differ (BERT's separate ones, BEiT/CAE's
 * fused one with q/v biases): {@code softmax(q k^T / sqrt(head_dim) + mask) v}, head h holding features
 * {@code h * head_dim ... (h + 1) * head_dim - 1}, as torch's and transformers' attention split them.
 */
final class ScaledDotProductAttention {
    private ScaledDotProductAttention() {}

    /**
     * Attends {@code q} over {@code k} and {@code v}, all [B, L, d].
     *
     * @param mask an additive mask broadcast against the [B, heads, L, L] scores, or null
     * @return the context [B, L, d], heads concatenated
     */
    static NDArray apply(NDArray q, NDArray k, NDArray v, int heads, NDArray mask) {
        long batch = q.getShape().get(0);
        long length = q.getShape().get(1);
        long width = q.getShape().get(2);
        float scale = (float) (1.0 / Math.sqrt(width / heads));
        NDArray scores = split(q, heads).mul(Scalars.of(scale, q)).matMul(split(k, heads).transpose(0, 1, 3, 2));
        if (mask != null) {
            scores = scores.add(mask);
        }
        return scores.softmax(-1).matMul(split(v, heads)).transpose(0, 2, 1, 3).reshape(batch, length, width);
    }

    /** [B, L, d] as [B, heads, L, head_dim], a view. */
    private static NDArray split(NDArray x, int heads) {
        long[] s = x.getShape().getShape();
        return x.reshape(s[0], s[1], heads, s[2] / heads).transpose(0, 2, 1, 3);
    }
}
