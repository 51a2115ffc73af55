package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.github.dermlip.core.config.BertConfig;
import io.github.dermlip.core.config.HfTextConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * open_clip's {@code HFTextEncoder} over a Hugging Face {@code BertModel} ({@code text.transformer.*},
 * {@code text.proj*}): word, position and token-type-0 embeddings and their LayerNorm, post-norm encoder layers
 * that attend only to non-pad keys ({@code ids != pad_token_id}), a pooler and a projection.
 *
 * <p>Poolers: the mean over every non-pad position ([CLS] and [SEP] included), BERT's own
 * {@code tanh(pooler.dense(h[:, 0]))}, or {@code h[:, 0]}. Projections: a bias-free
 * Linear-GELU-Linear MLP through {@code (H + E) / 2}, one bias-free Linear, or none.
 *
 * <p>Input: token ids [B, L] (int32 or int64, L at most the context length). Output: unnormalized embeddings [B, E].
 */
public final class BertTextTower extends ModelBlock implements TextTower {
    /** What HF adds for masked keys: {@code torch.finfo(float32).min}. */
    private static final float MASKED = -Float.MAX_VALUE;

    private final HfTextConfig config;
    private final int contextLength;
    private final int embedDim;
    private final Parameter wordEmbeddings;
    private final Parameter positionEmbeddings;
    private final Parameter tokenTypeEmbeddings;
    private final ClipLayerNorm embeddingNorm;
    private final List<BertLayer> layers;
    private final ClipLinear pooler;
    private final List<ClipLinear> projection;

    /** Builds an uninitialized tower reading up to {@code contextLength} ids, projecting to {@code embedDim}. */
    public BertTextTower(HfTextConfig config, int contextLength, int embedDim) {
        BertConfig bert = config.bert();
        if (contextLength > bert.maxPositions()) {
            throw new IllegalArgumentException("text_cfg.context_length " + contextLength
                    + " exceeds max_position_embeddings " + bert.maxPositions() + " of " + bert.source());
        }
        if (config.projection() == HfTextConfig.Projection.NONE && bert.hiddenSize() != embedDim) {
            throw new IllegalArgumentException("text_cfg.hf_proj_type null needs hidden_size " + bert.hiddenSize()
                    + " (" + bert.source() + ") to equal embed_dim " + embedDim);
        }
        this.config = config;
        this.contextLength = contextLength;
        this.embedDim = embedDim;
        int width = bert.hiddenSize();
        wordEmbeddings = embedding("word_embeddings", bert.vocabSize(), width);
        positionEmbeddings = embedding("position_embeddings", bert.maxPositions(), width);
        tokenTypeEmbeddings = embedding("token_type_embeddings", bert.typeVocabSize(), width);
        float eps = (float) bert.layerNormEps();
        embeddingNorm = addChildBlock("embeddings_norm", new ClipLayerNorm(width, eps));
        List<BertLayer> list = new ArrayList<>(bert.layers());
        for (int i = 0; i < bert.layers(); i++) {
            list.add(addChildBlock("layer" + i, new BertLayer(width, bert.heads(), bert.intermediateSize(), eps)));
        }
        layers = List.copyOf(list);
        pooler = config.pooler() == HfTextConfig.Pooler.CLS_POOLER
                ? addChildBlock("pooler", new ClipLinear(width, width, 0.02f)) : null;
        projection = switch (config.projection()) {
            case MLP -> {
                int hidden = (width + embedDim) / 2;
                yield List.of(addChildBlock("proj_0", new ClipLinear(width, hidden, 0.02f, false)),
                        addChildBlock("proj_2", new ClipLinear(hidden, embedDim, 0.02f, false)));
            }
            case LINEAR -> List.of(addChildBlock("proj", new ClipLinear(width, embedDim, 0.02f, false)));
            case NONE -> List.of();
        };
    }

    private Parameter embedding(String name, int rows, int width) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, width)).optInitializer(new NormalInitializer(0.02f)).build());
    }

    /** The architecture of this tower. */
    public HfTextConfig config() {
        return config;
    }

    Parameter wordEmbeddings() {
        return wordEmbeddings;
    }

    Parameter positionEmbeddings() {
        return positionEmbeddings;
    }

    Parameter tokenTypeEmbeddings() {
        return tokenTypeEmbeddings;
    }

    ClipLayerNorm embeddingNorm() {
        return embeddingNorm;
    }

    List<BertLayer> layers() {
        return layers;
    }

    /** BERT's pooler dense layer, or null when the pooler type does not use it. */
    ClipLinear pooler() {
        return pooler;
    }

    /** The projection's linear layers in order: two for the MLP, one for linear, none. */
    List<ClipLinear> projection() {
        return projection;
    }

    @Override
    public NDArray encode(ParameterStore store, NDArray ids, boolean training) {
        Shape shape = ids.getShape();
        if (shape.dimension() != 2 || shape.get(1) < 1 || shape.get(1) > contextLength || !ids.getDataType().isInteger()) {
            throw new IllegalArgumentException("token ids must be integers of shape [B, L] with 1 <= L <= "
                    + contextLength + ", found " + ids.getDataType() + " " + shape);
        }
        long batch = shape.get(0);
        long length = shape.get(1);
        NDArray real = ids.neq(config.bert().padTokenId()).toType(DataType.FLOAT32, false);
        NDArray keyMask = real.neg().add(Scalars.of(1f, real)).mul(Scalars.of(MASKED, real)).reshape(batch, 1, 1, length);

        NDArray words = ids.getNDArrayInternal()
                .embedding(ids, ParameterValues.of(store, wordEmbeddings, ids, training), SparseFormat.DENSE)
                .singletonOrThrow();
        NDArray positions = ParameterValues.ownedByInput(store, positionEmbeddings, words, training).get(":" + length);
        NDArray tokenType = ParameterValues.ownedByInput(store, tokenTypeEmbeddings, words, training).get(0);
        NDArray h = embeddingNorm.apply(store, words.add(positions).add(tokenType), training);
        for (BertLayer layer : layers) {
            h = layer.apply(store, h, keyMask, training);
        }
        NDArray pooled = pool(store, h, real, training);
        for (int i = 0; i < projection.size(); i++) {
            pooled = projection.get(i).apply(store, pooled, training);
            if (i + 1 < projection.size()) {
                pooled = MlpActivation.GELU.apply(pooled);
            }
        }
        return pooled;
    }

    private NDArray pool(ParameterStore store, NDArray h, NDArray real, boolean training) {
        return switch (config.pooler()) {
            case MEAN_POOLER -> {
                NDArray weights = real.expandDims(2);
                yield h.mul(weights).sum(new int[] {1}).div(weights.sum(new int[] {1}));
            }
            case CLS_POOLER -> pooler.apply(store, h.get(":, 0"), training).tanh();
            case CLS_LAST_HIDDEN_STATE_POOLER -> h.get(":, 0");
        };
    }

    /**
     * Freezes the encoder as open_clip's {@code HFTextEncoder.lock} does: with {@code unlockedLayers} 0 every
     * encoder parameter (embeddings, layers, pooler), else the embeddings and all but the last
     * {@code unlockedLayers} layers. LayerNorm parameters among them stay trainable unless {@code freezeLayerNorm}.
     * The projection always stays trainable.
     */
    public void lock(int unlockedLayers, boolean freezeLayerNorm) {
        if (unlockedLayers < 0 || unlockedLayers > layers.size()) {
            throw new IllegalArgumentException("--lock-text-unlocked-layers must be in [0, " + layers.size()
                    + "], got " + unlockedLayers);
        }
        List<Block> frozen = new ArrayList<>(layers.subList(0, layers.size() - unlockedLayers));
        wordEmbeddings.freeze(true);
        positionEmbeddings.freeze(true);
        tokenTypeEmbeddings.freeze(true);
        embeddingNorm.freezeParameters(freezeLayerNorm);
        if (unlockedLayers == 0 && pooler != null) {
            frozen.add(pooler);
        }
        for (Block block : frozen) {
            block.freezeParameters(true);
            if (block instanceof BertLayer layer && !freezeLayerNorm) {
                layer.attentionNorm().freezeParameters(false);
                layer.outputNorm().freezeParameters(false);
            }
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
