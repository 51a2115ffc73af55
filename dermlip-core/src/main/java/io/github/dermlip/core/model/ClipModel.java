package io.github.dermlip.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.VisionConfig;

/**
 * An open_clip-compatible CLIP model as a DJL block: an {@link ImageTower} (open_clip's {@link VisionTransformer},
 * a {@link TimmVisionTower} or a {@link PanDermVisionTower}, as the config says), a {@link TextTower} (open_clip's
 * {@link TextTransformer} or a {@link BertTextTower}), a learnable log temperature {@code logit_scale} and, for
 * SigLIP, an optional {@code logit_bias}.
 *
 * <p>{@link #forward(ParameterStore, NDList, boolean)} takes {@code NDList(pixels [B,3,S,S], ids [B',L])} and
 * returns {@link ClipOutput#toNDList()}: L2-normalized image and text features, {@code exp(logit_scale)} and
 * the bias when present. Every output is owned by the manager of the input arrays, so closing a step's manager
 * frees everything the step created. Parameters live on the device of the manager the model was initialized
 * with; see {@link OpenClipKeys} for loading and saving open_clip weights.
 */
public final class ClipModel extends ModelBlock {
    private final ModelConfig config;
    private final ImageTower vision;
    private final TextTower text;
    private final Parameter logitScale;
    private final Parameter logitBias;

    /** Builds an uninitialized model; {@link #create} builds and initializes one. */
    public ClipModel(ModelConfig config) {
        this.config = config;
        vision = addChildBlock("visual", imageTower(config));
        text = addChildBlock("text", textTower(config));
        logitScale = addParameter(Parameter.builder().setName("logit_scale").setType(Parameter.Type.OTHER)
                .optShape(new Shape()).optInitializer(new ConstantInitializer((float) config.initLogitScale())).build());
        logitBias = config.initLogitBias() == null ? null
                : addParameter(Parameter.builder().setName("logit_bias").setType(Parameter.Type.OTHER)
                        .optShape(new Shape())
                        .optInitializer(new ConstantInitializer(config.initLogitBias().floatValue())).build());
    }

    private static ImageTower imageTower(ModelConfig config) {
        VisionConfig v = config.vision();
        if (v.timm() != null) {
            return new TimmVisionTower(v.timm(), config.embedDim());
        }
        if (v.panDerm()) {
            return new PanDermVisionTower(v, config.embedDim());
        }
        return new VisionTransformer(v, config.embedDim(), MlpActivation.of(config.quickGelu()));
    }

    private static TextTower textTower(ModelConfig config) {
        TextConfig t = config.text();
        return t.hf() != null ? new BertTextTower(t.hf(), t.contextLength(), config.embedDim())
                : new TextTransformer(t, config.embedDim(), MlpActivation.of(config.quickGelu()));
    }

    /**
     * Builds a model and initializes its parameters (open_clip-like random init) as float32 arrays owned by
     * {@code manager}, on its device.
     */
    public static ClipModel create(ModelConfig config, NDManager manager) {
        ClipModel model = new ClipModel(config);
        model.initialize(manager, DataType.FLOAT32, model.exampleInputShapes(1));
        return model;
    }

    /** Input shapes for a batch of {@code batch} images and as many full-length texts. */
    public Shape[] exampleInputShapes(int batch) {
        int size = config.vision().imageSize();
        return new Shape[] {new Shape(batch, 3, size, size), new Shape(batch, config.text().contextLength())};
    }

    /** The architecture. */
    public ModelConfig config() {
        return config;
    }

    /** The image tower. */
    public ImageTower vision() {
        return vision;
    }

    /** The text tower. */
    public TextTower text() {
        return text;
    }

    /** The learnable log temperature (0-d); a training loop may clamp it, as open_clip does, to ln(100). */
    public Parameter logitScale() {
        return logitScale;
    }

    /** The learnable SigLIP logit bias (0-d), or null when the model has none. */
    public Parameter logitBias() {
        return logitBias;
    }

    /** Number of scalar parameters (open_clip's count: 149,620,737 for ViT-B-16). */
    public long parameterCount() {
        long total = 0;
        for (Parameter p : getParameters().values()) {
            total += p.getShape().size();
        }
        return total;
    }

    /**
     * Image embeddings for inference, as open_clip's {@code encode_image(normalize=False)}.
     *
     * @param pixels [B, 3, S, S] preprocessed images
     * @return unnormalized embeddings [B, embed], owned by the manager of {@code pixels}
     */
    public NDArray encodeImage(NDArray pixels) {
        return encodeImage(new ParameterStore(pixels.getManager(), false), pixels, false);
    }

    /** Image embeddings [B, embed] (unnormalized) with the given parameter store, e.g. a trainer's. */
    public NDArray encodeImage(ParameterStore store, NDArray pixels, boolean training) {
        return vision.encode(store, pixels, training);
    }

    /**
     * Text embeddings for inference, as open_clip's {@code encode_text(normalize=False)}.
     *
     * @param ids [B, L] token ids (L up to the context length) as the model's tokenizer makes them
     * @return unnormalized embeddings [B, embed], owned by the manager of {@code ids}
     */
    public NDArray encodeText(NDArray ids) {
        return encodeText(new ParameterStore(ids.getManager(), false), ids, false);
    }

    /** Text embeddings [B, embed] (unnormalized) with the given parameter store, e.g. a trainer's. */
    public NDArray encodeText(ParameterStore store, NDArray ids, boolean training) {
        return text.encode(store, ids, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("ClipModel expects NDList(pixels, ids), found " + inputs.size() + " arrays");
        }
        NDArray pixels = inputs.get(0);
        NDArray image = normalize(encodeImage(store, pixels, training));
        NDArray textFeatures = normalize(encodeText(store, inputs.get(1), training));
        NDArray scale = ParameterValues.ownedByInput(store, logitScale, pixels, training).exp();
        NDArray bias = logitBias == null ? null : ParameterValues.ownedByInput(store, logitBias, pixels, training);
        return new ClipOutput(image, textFeatures, scale, bias).toNDList();
    }

    /**
     * {@code x / max(||x||, 1e-12)} along the last axis, as torch's {@code F.normalize}; the library's one
     * normalize of features, safe under autograd (its epsilon is a libtorch-owned {@link Scalars} array).
     */
    public static NDArray normalize(NDArray x) {
        NDArray norm = x.norm(new int[] {-1}, true);
        return x.div(norm.maximum(Scalars.of(1e-12f, norm)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        vision.initialize(manager, dataType, inputShapes[0]);
        text.initialize(manager, dataType, inputShapes[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape image = new Shape(inputShapes[0].get(0), config.embedDim());
        Shape texts = new Shape(inputShapes[1].get(0), config.embedDim());
        return logitBias == null ? new Shape[] {image, texts, new Shape()}
                : new Shape[] {image, texts, new Shape(), new Shape()};
    }
}
