package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.github.dermlip.core.config.TextConfig;

/**
 * open_clip's causal text tower: token embedding plus learned positions, transformer blocks under a causal
 * mask, {@code ln_final}, pooling at the end-of-text token (the largest id in each row, found by argmax), and a
 * final projection {@code x @ text_projection} by a raw [width, embed] matrix.
 *
 * <p>Under the causal mask no token attends to a later one, so the pooled end-of-text features do not depend
 * on the tokens after it. {@link #encode} therefore runs the transformer only over the first
 * {@code max(eot) + 1} positions of the batch instead of the whole context.
 *
 * <p>Input: token ids [B, L] (int32 or int64, L at most the context length). Output: unnormalized embeddings
 * [B, embed].
 */
public final class TextTransformer extends ModelBlock implements TextTower {
    private final TextConfig config;
    private final int embedDim;
    private final Parameter tokenEmbedding;
    private final Parameter positionalEmbedding;
    private final Transformer transformer;
    private final ClipLayerNorm lnFinal;
    private final Parameter textProjection;
    private final CausalMaskCache masks = new CausalMaskCache();

    /** Builds an uninitialized tower for the given config, projecting to {@code embedDim}. */
    public TextTransformer(TextConfig config, int embedDim, MlpActivation activation) {
        this.config = config;
        this.embedDim = embedDim;
        int width = config.width();
        tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(config.vocabSize(), width)).optInitializer(new NormalInitializer(0.02f)).build());
        positionalEmbedding = addParameter(Parameter.builder().setName("positional_embedding")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(config.contextLength(), width))
                .optInitializer(new NormalInitializer(0.01f)).build());
        transformer = addChildBlock("transformer",
                new Transformer(width, config.layers(), config.heads(), config.mlpWidth(), activation));
        lnFinal = addChildBlock("ln_final", new ClipLayerNorm(width));
        textProjection = addParameter(Parameter.builder().setName("text_projection").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(width, embedDim))
                .optInitializer(new NormalInitializer((float) Math.pow(width, -0.5))).build());
    }

    /** The architecture of this tower. */
    public TextConfig config() {
        return config;
    }

    Parameter tokenEmbedding() {
        return tokenEmbedding;
    }

    Parameter positionalEmbedding() {
        return positionalEmbedding;
    }

    Transformer transformer() {
        return transformer;
    }

    ClipLayerNorm lnFinal() {
        return lnFinal;
    }

    Parameter textProjection() {
        return textProjection;
    }

    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        masks.ownedBy(manager);
    }

    /**
     * Encodes token ids, running the transformer only up to the last end-of-text position of the batch.
     *
     * @param ids [B, L] token ids, each row holding its end-of-text token as the largest id
     * @return unnormalized embeddings [B, embed]
     */
    public NDArray encode(ParameterStore store, NDArray ids, boolean training) {
        checkIds(ids);
        NDArray eot = ids.argMax(1);
        int length = Math.toIntExact(eot.max().getLong()) + 1;
        return encode(store, ids, eot, length, training);
    }

    /** As {@link #encode(ParameterStore, NDArray, boolean)} but over all L positions (the reference computation). */
    NDArray encodeUntrimmed(ParameterStore store, NDArray ids, boolean training) {
        checkIds(ids);
        return encode(store, ids, ids.argMax(1), Math.toIntExact(ids.getShape().get(1)), training);
    }

    private NDArray encode(ParameterStore store, NDArray ids, NDArray eot, int length, boolean training) {
        long batch = ids.getShape().get(0);
        int width = config.width();
        NDArray tokens = length < ids.getShape().get(1) ? ids.get(":, :" + length) : ids;
        NDArray weight = ParameterValues.of(store, tokenEmbedding, tokens, training);
        NDArray x = Embedding.embedding(tokens, weight, SparseFormat.DENSE).singletonOrThrow();
        NDArray positions = length == config.contextLength()
                ? ParameterValues.of(store, positionalEmbedding, x, training)
                : ParameterValues.ownedByInput(store, positionalEmbedding, x, training).get(":" + length);
        x = x.add(positions);
        x = transformer.apply(store, x, masks.get(length, x), training);
        NDArray pooled = x.gather(eot.reshape(batch, 1, 1).broadcast(batch, 1, width), 1).reshape(batch, width);
        pooled = lnFinal.apply(store, pooled, training);
        return pooled.matMul(ParameterValues.of(store, textProjection, pooled, training));
    }

    private void checkIds(NDArray ids) {
        Shape shape = ids.getShape();
        if (shape.dimension() != 2 || shape.get(1) < 1 || shape.get(1) > config.contextLength()) {
            throw new IllegalArgumentException("token ids must have shape [B, L] with 1 <= L <= "
                    + config.contextLength() + ", found " + shape);
        }
        if (!ids.getDataType().isInteger()) {
            throw new IllegalArgumentException("token ids must be integers, found " + ids.getDataType());
        }
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
