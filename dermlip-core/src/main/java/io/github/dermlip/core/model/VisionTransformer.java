package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.github.dermlip.core.config.VisionConfig;

/**
 * open_clip's ViT image tower: a bias-free patch convolution, a prepended class token, learned positional
 * embeddings, {@code ln_pre}, the transformer, {@code ln_post} on the class token, and a final projection
 * {@code x @ proj} by a raw [width, embed] matrix.
 *
 * <p>Input: pixels [B, 3, S, S] with S the configured image size. Output: unnormalized embeddings [B, embed].
 */
public final class VisionTransformer extends ModelBlock implements ImageTower {
    private final VisionConfig config;
    private final int embedDim;
    private final Parameter conv1Weight;
    private final Parameter classEmbedding;
    private final Parameter positionalEmbedding;
    private final ClipLayerNorm lnPre;
    private final Transformer transformer;
    private final ClipLayerNorm lnPost;
    private final Parameter proj;

    /** Builds an uninitialized tower for the given config, projecting to {@code embedDim}. */
    public VisionTransformer(VisionConfig config, int embedDim, MlpActivation activation) {
        this.config = config;
        this.embedDim = embedDim;
        int width = config.width();
        int patch = config.patchSize();
        int grid = config.gridSize();
        float scale = (float) Math.pow(width, -0.5);
        conv1Weight = addParameter(Parameter.builder().setName("conv1_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(width, 3, patch, patch))
                .optInitializer(new NormalInitializer((float) Math.pow(3.0 * 3 * patch * patch, -0.5))).build());
        classEmbedding = addParameter(Parameter.builder().setName("class_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(width)).optInitializer(new NormalInitializer(scale)).build());
        positionalEmbedding = addParameter(Parameter.builder().setName("positional_embedding")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape((long) grid * grid + 1, width))
                .optInitializer(new NormalInitializer(scale)).build());
        lnPre = addChildBlock("ln_pre", new ClipLayerNorm(width));
        transformer = addChildBlock("transformer",
                new Transformer(width, config.layers(), config.heads(), config.mlpWidth(), activation));
        lnPost = addChildBlock("ln_post", new ClipLayerNorm(width));
        proj = addParameter(Parameter.builder().setName("proj").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(width, embedDim)).optInitializer(new NormalInitializer(scale)).build());
    }

    /** The architecture of this tower. */
    public VisionConfig config() {
        return config;
    }

    Parameter conv1Weight() {
        return conv1Weight;
    }

    Parameter classEmbedding() {
        return classEmbedding;
    }

    Parameter positionalEmbedding() {
        return positionalEmbedding;
    }

    ClipLayerNorm lnPre() {
        return lnPre;
    }

    Transformer transformer() {
        return transformer;
    }

    ClipLayerNorm lnPost() {
        return lnPost;
    }

    Parameter proj() {
        return proj;
    }

    /**
     * Encodes preprocessed images.
     *
     * @param pixels [B, 3, S, S] float pixels after the eval transform
     * @return unnormalized embeddings [B, embed]
     */
    public NDArray encode(ParameterStore store, NDArray pixels, boolean training) {
        Shape shape = pixels.getShape();
        int size = config.imageSize();
        if (shape.dimension() != 4 || shape.get(1) != 3 || shape.get(2) != size || shape.get(3) != size) {
            throw new IllegalArgumentException("pixels must have shape [B, 3, " + size + ", " + size + "], found " + shape);
        }
        long batch = shape.get(0);
        int width = config.width();
        int patch = config.patchSize();
        NDArray weight = ParameterValues.of(store, conv1Weight, pixels, training);
        NDArray patches = Conv2d.conv2d(pixels, weight, null, new Shape(patch, patch), new Shape(0, 0), new Shape(1, 1), 1)
                .singletonOrThrow();
        NDArray tokens = patches.reshape(batch, width, -1).transpose(0, 2, 1);
        NDArray cls = ParameterValues.ownedByInput(store, classEmbedding, tokens, training)
                .reshape(1, 1, width).broadcast(batch, 1, width);
        NDArray x = cls.concat(tokens, 1).add(ParameterValues.of(store, positionalEmbedding, tokens, training));
        x = lnPre.apply(store, x, training);
        x = transformer.apply(store, x, null, training);
        NDArray pooled = lnPost.apply(store, x.get(":, 0"), training);
        return pooled.matMul(ParameterValues.of(store, proj, pooled, training));
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
