package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The body that timm's ViT and the BEiT/CAE ViT of PanDerm share: {@code patch_embed}, {@code cls_token} and
 * {@code pos_embed}, the pre-norm {@code blocks}, and the final {@code norm} (eps 1e-6) applied to all tokens.
 * The towers differ in their blocks' attention, their pooling and their head.
 */
final class ViTTrunk extends ModelBlock {
    private final PatchEmbedding patchEmbed;
    private final List<PreNormViTBlock> blocks;
    private final ClipLayerNorm norm;

    /** A trunk of {@code depth} blocks, block {@code i} made by {@code block}. */
    ViTTrunk(int imageSize, int patchSize, int width, int depth, IntFunction<PreNormViTBlock> block) {
        patchEmbed = addChildBlock("patch_embed", new PatchEmbedding(imageSize, patchSize, width));
        List<PreNormViTBlock> list = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            list.add(addChildBlock("block" + i, block.apply(i)));
        }
        blocks = List.copyOf(list);
        norm = addChildBlock("norm", new ClipLayerNorm(width, PreNormViTBlock.EPS));
    }

    PatchEmbedding patchEmbed() {
        return patchEmbed;
    }

    List<PreNormViTBlock> blocks() {
        return blocks;
    }

    ClipLayerNorm norm() {
        return norm;
    }

    /** The normed tokens [B, 1 + N, width] of pixels [B, 3, S, S], class token first. */
    NDArray apply(ParameterStore store, NDArray pixels, boolean training) {
        NDArray x = patchEmbed.apply(store, pixels, training);
        for (PreNormViTBlock block : blocks) {
            x = block.apply(store, x, training);
        }
        return norm.apply(store, x, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return patchEmbed.getOutputShapes(inputShapes);
    }
}
