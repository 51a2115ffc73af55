package io.github.dermlip.core.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.dermlip.core.model.ImageTower;
import io.github.dermlip.core.model.ClipModel;

/**
 * A DJL block for zero-shot classification: an already-loaded image tower followed by fixed class weights.
 *
 * <p>Input: preprocessed pixels [B, 3, S, S]. Output: logits [B, classes] =
 * {@value ZeroShotClassifier#LOGIT_SCALE}{@code  * normalize(encode_image(pixels)) @ W}, with {@code W}
 * [embedding, classes] the classifier's unit-norm class weights; the outputs belong to the input's manager.
 *
 * <p>Everything is initialized at construction and nothing is trainable: the class weights do not require
 * gradients, and {@link #initialize} re-initializes nothing (DJL's {@code Parameter.initialize} keeps arrays that
 * are already set), so the tower's loaded weights survive being handed to a DJL {@link ai.djl.Model}. The arrays
 * belong to the manager given at construction (for {@link #of} the {@link DermLip}'s), not to the DJL model.
 */
public final class ZeroShotBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final ImageTower vision;
    private final Parameter classWeights;
    private final int classCount;

    /**
     * Wraps a loaded image tower and class weights.
     *
     * @param vision an initialized image tower
     * @param weights unit-norm class weights {@code [classes][embedding]}
     * @param manager owns the class-weight array (its device is where it lives)
     */
    public ZeroShotBlock(ImageTower vision, float[][] weights, NDManager manager) {
        super(VERSION);
        if (!vision.isInitialized()) {
            throw new IllegalArgumentException("the image tower has no weights yet");
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("no class weights given");
        }
        int dim = weights[0].length;
        float[] transposed = new float[dim * weights.length];
        for (int c = 0; c < weights.length; c++) {
            if (weights[c].length != dim) {
                throw new IllegalArgumentException("class weight " + c + " has " + weights[c].length
                        + " values, class weight 0 has " + dim);
            }
            for (int d = 0; d < dim; d++) {
                transposed[d * weights.length + c] = weights[c][d];
            }
        }
        this.vision = addChildBlock("visual", vision);
        this.classCount = weights.length;
        this.classWeights = addParameter(Parameter.builder().setName("class_weights").setType(Parameter.Type.OTHER)
                .optRequiresGrad(false).build());
        classWeights.setArray(manager.create(transposed, new Shape(dim, weights.length)));
    }

    /** The block for a classifier built by {@code lip}; its arrays live in the {@link DermLip}'s manager. */
    public static ZeroShotBlock of(DermLip lip, ZeroShotClassifier classifier) {
        return new ZeroShotBlock(lip.model().vision(), classifier.classWeights(), lip.manager());
    }

    /** Number of classes (the width of the logits). */
    public int classCount() {
        return classCount;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray pixels = inputs.singletonOrThrow();
        NDArray features = vision.encode(store, pixels, training);
        NDArray unit = ClipModel.normalize(features);
        NDArray weights = store.getValue(classWeights, pixels.getDevice(), training);
        return new NDList(unit.matMul(weights).mul(ZeroShotClassifier.LOGIT_SCALE));
    }

    /** Nothing to do: the tower and the class weights are set at construction and never re-initialized. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // Every array is already set; DJL's own Parameter.initialize leaves set arrays untouched.
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), classCount)};
    }
}
