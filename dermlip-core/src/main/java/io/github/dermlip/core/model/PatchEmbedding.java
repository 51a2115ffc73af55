package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * The token input of a timm-style ViT ({@code patch_embed.proj}, {@code cls_token}, {@code pos_embed}): a patch
 * convolution with bias, row-major patch tokens, a prepended class token and learned positions for all 1 + N tokens.
 */
final class PatchEmbedding extends ModelBlock {
    private final int width;
    private final int patchSize;
    private final int imageSize;
    private final Parameter projWeight;
    private final Parameter projBias;
    private final Parameter clsToken;
    private final Parameter posEmbed;

    PatchEmbedding(int imageSize, int patchSize, int width) {
        this.width = width;
        this.patchSize = patchSize;
        this.imageSize = imageSize;
        int grid = imageSize / patchSize;
        projWeight = addParameter(Parameter.builder().setName("proj_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(width, 3, patchSize, patchSize))
                .optInitializer(new NormalInitializer((float) Math.pow(3.0 * patchSize * patchSize, -0.5))).build());
        projBias = addParameter(Parameter.builder().setName("proj_bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(width)).optInitializer(Initializer.ZEROS).build());
        clsToken = addParameter(Parameter.builder().setName("cls_token").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, 1, width)).optInitializer(new NormalInitializer(1e-6f)).build());
        posEmbed = addParameter(Parameter.builder().setName("pos_embed").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(1, (long) grid * grid + 1, width)).optInitializer(new NormalInitializer(0.02f)).build());
    }

    Parameter projWeight() {
        return projWeight;
    }

    Parameter projBias() {
        return projBias;
    }

    Parameter clsToken() {
        return clsToken;
    }

    Parameter posEmbed() {
        return posEmbed;
    }

    /** Tokens [B, 1 + N, width] of pixels [B, 3, S, S]. */
    NDArray apply(ParameterStore store, NDArray pixels, boolean training) {
        Shape shape = pixels.getShape();
        if (shape.dimension() != 4 || shape.get(1) != 3 || shape.get(2) != imageSize || shape.get(3) != imageSize) {
            throw new IllegalArgumentException("pixels must have shape [B, 3, " + imageSize + ", " + imageSize
                    + "], found " + shape);
        }
        long batch = shape.get(0);
        NDArray weight = ParameterValues.of(store, projWeight, pixels, training);
        NDArray bias = ParameterValues.of(store, projBias, pixels, training);
        NDArray patches = pixels.getNDArrayInternal().convolution(pixels, weight, bias, new Shape(patchSize, patchSize),
                new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
        NDArray tokens = patches.reshape(batch, width, -1).transpose(0, 2, 1);
        NDArray cls = ParameterValues.ownedByInput(store, clsToken, tokens, training).broadcast(batch, 1, width);
        return cls.concat(tokens, 1).add(ParameterValues.of(store, posEmbed, tokens, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return new NDList(apply(store, inputs.singletonOrThrow(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        int grid = imageSize / patchSize;
        return new Shape[] {new Shape(inputShapes[0].get(0), (long) grid * grid + 1, width)};
    }
}
