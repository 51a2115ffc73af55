package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.dermlip.core.api.DermLip;
import io.github.dermlip.core.config.OpenClipConfig;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Zero-shot top-k accuracy during training: class embeddings from core's zero-shot classifier, kept on the
 * training device, so each validation batch is scored without leaving it.
 */
public final class ZeroShotTopK {
    /** DermLIP's eight skin templates, used when no {@code --zeroshot-templates} file is given. */
    public static final List<String> DEFAULT_TEMPLATES =
            io.github.dermlip.core.api.ZeroShotClassifier.DERMLIP_SKIN_TEMPLATES;

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

    /** The normalized class embeddings [C, E]. */
    public NDArray classEmbeddings() {
        return classEmbeddings;
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

    /** {@code x / max(||x||, 1e-12)} along the last axis. */
    static NDArray normalize(NDArray x) {
        return x.div(x.norm(new int[] {-1}, true).maximum(1e-12f));
    }

    /** Class names, one per line (blank lines skipped); duplicates are refused. */
    public static List<String> readClasses(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(name)) {
                throw new IOException(file + ": line " + (i + 1) + ": class '" + name + "' is listed twice");
            }
            out.add(name);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no class names");
        }
        return out;
    }

    /** Templates, one per line, each with a {@code {}} for the class name (blank lines skipped). */
    public static List<String> readTemplates(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String template = lines.get(i).strip();
            if (template.isEmpty()) {
                continue;
            }
            if (!template.contains("{}")) {
                throw new IOException(file + ": line " + (i + 1) + ": template has no {} for the class name: " + template);
            }
            out.add(template);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no templates");
        }
        return out;
    }
}
