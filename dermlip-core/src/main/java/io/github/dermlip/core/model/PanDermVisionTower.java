package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.dermlip.core.config.VisionConfig;

/**
 * The PanDerm image tower that the Derm1M fork of open_clip swaps in: a CAE ViT ({@code visual.patch_embed.*},
 * {@code visual.blocks.*}, {@code visual.norm.*}, {@code visual.head.*}).
 *
 * <p>Blocks are pre-norm with layer scale and q/v biases (zero k bias), LayerNorm eps 1e-6. The final
 * {@code norm} is applied to all tokens, the patch tokens are averaged (the class token is not used), the same
 * {@code norm} is applied again to the mean, and {@code head} (with bias) projects it to the embedding. Sizes come
 * from {@code vision_cfg}: heads = width / head_width, MLP ratio as configured.
 *
 * <p>Input: pixels [B, 3, S, S]. Output: unnormalized embeddings [B, embed].
 */
public final class PanDermVisionTower extends ModelBlock implements ImageTower {
    /** CAE's {@code init_values}, the initial layer-scale gain. */
    private static final float LAYER_SCALE_INIT = 0.1f;

    private final VisionConfig config;
    private final int embedDim;
    private final ViTTrunk trunk;
    private final ClipLinear head;

    /** Builds an uninitialized tower for the config, projecting to {@code embedDim}. */
    public PanDermVisionTower(VisionConfig config, int embedDim) {
        this.config = config;
        this.embedDim = embedDim;
        int width = config.width();
        trunk = addChildBlock("trunk", new ViTTrunk(config.imageSize(), config.patchSize(), width, config.layers(),
                i -> new PreNormViTBlock(width, config.mlpWidth(), new QvBiasSelfAttention(width, config.heads()),
                        LAYER_SCALE_INIT)));
        head = addChildBlock("head", new ClipLinear(width, embedDim, 0.02f));
    }

    /** The architecture of this tower. */
    public VisionConfig config() {
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
        NDArray patches = trunk.apply(store, pixels, training).get(":, 1:");
        NDArray pooled = trunk.norm().apply(store, patches.mean(new int[] {1}), training);
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
