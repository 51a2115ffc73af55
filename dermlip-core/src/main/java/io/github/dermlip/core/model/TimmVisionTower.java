package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.dermlip.core.config.TimmVisionConfig;
import io.github.dermlip.core.config.TimmVisionConfig.TimmTrunk;

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
    private final ViTTrunk trunk;
    private final ClipLinear head;

    /** Builds an uninitialized tower for the config, projecting to {@code embedDim}. */
    public TimmVisionTower(TimmVisionConfig config, int embedDim) {
        this.config = config;
        this.embedDim = embedDim;
        TimmTrunk sizes = config.trunk();
        int width = sizes.width();
        trunk = addChildBlock("trunk", new ViTTrunk(sizes.imageSize(), sizes.patchSize(), width, sizes.depth(),
                i -> new PreNormViTBlock(width, sizes.mlpWidth(),
                        new MultiheadSelfAttention(width, sizes.heads(), 0.02f, 0.02f), null)));
        head = addChildBlock("head_proj", new ClipLinear(width, embedDim, (float) Math.pow(width, -0.5), config.projBias()));
    }

    /** The architecture of this tower. */
    public TimmVisionConfig config() {
        return config;
    }

    ViTTrunk trunk() {
        return trunk;
    }

    ClipLinear head() {
        return head;
    }

    @Override
    public NDArray encode(ParameterStore store, NDArray pixels, boolean training) {
        NDArray x = trunk.apply(store, pixels, training);
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
