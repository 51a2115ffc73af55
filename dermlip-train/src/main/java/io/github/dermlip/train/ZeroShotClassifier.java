package io.github.dermlip.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.dermlip.core.model.ClipModel;
import io.github.dermlip.core.tokenizer.TextTokenizer;
import io.github.dermlip.core.tokenizer.TokenizedBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Zero-shot classification as open_clip builds it: each class is the mean of its L2-normalized prompt embeddings
 * (every template filled with the class name), normalized again; an image is assigned the classes whose
 * embeddings are most similar to its normalized features.
 */
public final class ZeroShotClassifier {
    /** A short list of generic prompts for skin images, used when no {@code --zeroshot-templates} file is given. */
    public static final List<String> DEFAULT_TEMPLATES = List.of(
            "a photo of {}.",
            "a clinical photo of {}.",
            "a dermoscopic image of {}.",
            "a close-up photo of skin with {}.",
            "an image of {}, a skin condition.",
            "{}.");

    private final List<String> classes;
    private final NDArray classEmbeddings;

    private ZeroShotClassifier(List<String> classes, NDArray classEmbeddings) {
        this.classes = List.copyOf(classes);
        this.classEmbeddings = classEmbeddings;
    }

    /**
     * Encodes the prompts of every class with the model's text tower (without gradients).
     *
     * @param manager owns the class embeddings [C, E]
     */
    public static ZeroShotClassifier build(ClipModel model, ParameterStore store, TextTokenizer tokenizer,
            List<String> classes, List<String> templates, NDManager manager) {
        NDList perClass = new NDList(classes.size());
        try (NoGradScope noGrad = NoGradScope.enter()) {
            for (String name : classes) {
                List<String> prompts = new ArrayList<>(templates.size());
                for (String template : templates) {
                    prompts.add(template.replace("{}", name));
                }
                try (NDManager scratch = manager.newSubManager()) {
                    TokenizedBatch tokens = tokenizer.encode(prompts);
                    NDArray ids = scratch.create(tokens.flatIds(), new Shape(prompts.size(), tokens.contextLength()));
                    NDArray embedding = normalize(normalize(model.encodeText(store, ids, false)).mean(new int[] {0}));
                    embedding.attach(manager);
                    perClass.add(embedding);
                }
            }
        }
        NDArray stacked = NDArrays.stack(perClass);
        perClass.close();
        return new ZeroShotClassifier(classes, stacked);
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
