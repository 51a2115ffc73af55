package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.dermlip.core.config.TimmVisionConfig;
import io.github.dermlip.core.config.TimmVisionConfig.TimmTrunk;
import java.util.ArrayList;
import java.util.List;

/**
 * open_clip's {@code TimmModel} over a timm {@code VisionTransformer} trunk ({@code visual.trunk.*}): patch
 * embedding, pre-norm blocks with full q/k/v bias, the final {@code norm} on all tokens, the class token (or, for
 * {@code timm_pool: avg}, the mean of the patch tokens), and the linear {@code head.proj} to the embedding.
 *
 * <p>Input: pixels [B, 3, S, S]. Output: unnormalized embeddings [B, embed].
 */
public final class TimmVisionTower extends ModelBlock implements ImageTower {
    private final TimmVisionConfig config;
    private final int embedDim;
    private final PatchEmbedding patchEmbed;
    private final List<PreNormViTBlock> blocks;
    private final ClipLayerNorm norm;
    private final ClipLinear head;

    /** Builds an uninitialized tower for the config, projecting to {@code embedDim}. */
    public TimmVisionTower(TimmVisionConfig config, int embedDim) {
        this.config = config;
        this.embedDim = embedDim;
        TimmTrunk trunk = config.trunk();
        int width = trunk.width();
        patchEmbed = addChildBlock("patch_embed", new PatchEmbedding(trunk.imageSize(), trunk.patchSize(), width));
        List<PreNormViTBlock> list = new ArrayList<>(trunk.depth());
        for (int i = 0; i < trunk.depth(); i++) {
            MultiheadSelfAttention attention = new MultiheadSelfAttention(width, trunk.heads(), 0.02f, 0.02f);
            list.add(addChildBlock("block" + i, new PreNormViTBlock(width, trunk.mlpWidth(), attention, null)));
        }
        blocks = List.copyOf(list);
        norm = addChildBlock("norm", new ClipLayerNorm(width, PreNormViTBlock.EPS));
        head = addChildBlock("head_proj", new ClipLinear(width, embedDim, (float) Math.pow(width, -0.5), config.projBias()));
    }

    /** The architecture of this tower. */
    public TimmVisionConfig config() {
        return config;
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

    ClipLinear head() {
        return head;
    }

    @Override
    public NDArray encode(ParameterStore store, NDArray pixels, boolean training) {
        NDArray x = patchEmbed.apply(store, pixels, training);
        for (PreNormViTBlock block : blocks) {
            x = block.apply(store, x, training);
        }
        x = norm.apply(store, x, training);
        NDArray pooled = config.averagePool() ? x.get(":, 1:").mean(new int[] {1}) : x.get(":, 0");
        return head.apply(store, pooled, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(encode(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), embedDim)};
    }
}
