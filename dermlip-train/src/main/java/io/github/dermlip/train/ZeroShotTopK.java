package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import java.util.List;

/**
 * Zero-shot top-k accuracy during training: class embeddings from core's zero-shot classifier, kept on the
 * training device, so each validation batch is scored without leaving it.
 */
public final class ZeroShotTopK {
    private final List<String> classes;
    private final NDArray classEmbeddings;

    private ZeroShotTopK(List<String> classes, NDArray classEmbeddings) {
        this.classes = List.copyOf(classes);
        this.classEmbeddings = classEmbeddings;
    }

    /**
     * Builds the class embeddings with core's {@link io.github.dermlip.core.api.ZeroShotClassifier} (the mean of
     * each class's normalized prompt embeddings, renormalized), from the model as it is now.
     *
     * @param config the model's architecture and preprocessing
     * @param manager owns the class embeddings [C, E]
     */
    public static ZeroShotTopK build(ClipModel model, OpenClipConfig config, TextTokenizer tokenizer,
            List<String> classes, List<String> templates, NDManager manager) {
        float[][] weights;
        try (DermLip encoder = DermLip.fromModel(model, config, tokenizer, manager)) {
            weights = encoder.zeroShotClassifier(classes, templates).classWeights();
        }
        int dim = weights[0].length;
        float[] flat = new float[weights.length * dim];
        for (int c = 0; c < weights.length; c++) {
            System.arraycopy(weights[c], 0, flat, c * dim, dim);
        }
        return new ZeroShotTopK(classes, manager.create(flat, new Shape(weights.length, dim)));
    }

    /** The class names, in index order. */
    public List<String> classes() {
        return classes;
    }

    /**
     * For each image, the indices of its {@code k} best classes, best first.
     *
     * @param imageFeatures normalized image features [N, E]
     */
    public int[][] topK(NDArray imageFeatures, int k) {
        int n = (int) imageFeatures.getShape().get(0);
        int c = classes.size();
        float[] scores;
        try (NDManager scratch = imageFeatures.getManager().newSubManager()) {
            NDArray logits = imageFeatures.matMul(classEmbeddings.transpose());
            logits.attach(scratch);
            scores = logits.toFloatArray();
        }
        int kept = Math.min(k, c);
        int[][] out = new int[n][kept];
        for (int i = 0; i < n; i++) {
            boolean[] taken = new boolean[c];
            for (int r = 0; r < kept; r++) {
                int best = -1;
                for (int j = 0; j < c; j++) {
                    if (!taken[j] && (best < 0 || scores[i * c + j] > scores[i * c + best])) {
                        best = j;
                    }
                }
                taken[best] = true;
                out[i][r] = best;
            }
        }
        return out;
    }
}
