package io.github.dermlip.core.api;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.prompts.ClassList;
import io.github.dermlip.core.prompts.PromptTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot classification as open_clip builds it ({@code build_zero_shot_classifier}) and DermLIP evaluates it.
 *
 * <p>Each class name is put into every template by {@link PromptTemplates#format}; the class weight is the mean of the L2-normalized prompt embeddings,
 * normalized again. An image's logits are {@value #LOGIT_SCALE}{@code  * normalize(image) . weight}: open_clip's
 * {@code training/zero_shot.py}, which DermLIP's benchmarks run, multiplies by a fixed 100 and ignores the model's
 * learned {@code logit_scale} (which training clamps at ln 100 anyway). Probabilities are the softmax over classes.
 *
 * <p>Immutable and thread-safe; {@link #classify(List)} encodes with the {@link DermLip} that built it.
 */
public final class ZeroShotClassifier {
    /** The fixed temperature open_clip's zero-shot evaluation multiplies cosine similarities by. */
    public static final float LOGIT_SCALE = 100f;

    private final DermLip encoder;
    private final List<String> classNames;
    private final float[][] weights;

    private ZeroShotClassifier(DermLip encoder, List<String> classNames, float[][] weights) {
        this.encoder = encoder;
        this.classNames = classNames;
        this.weights = weights;
    }

    /** Embeds every class name with every template and averages per class. */
    static ZeroShotClassifier create(DermLip encoder, List<String> classNames, List<String> templates) {
        List<String> names = new ClassList("classes", classNames).labels();
        PromptTemplates formats = new PromptTemplates(templates);
        List<String> prompts = new ArrayList<>(names.size() * formats.size());
        for (String name : names) {
            prompts.addAll(formats.format(name));
        }
        float[][] promptEmbeddings = encoder.encodeTexts(prompts, true);
        int dim = encoder.embeddingDimension();
        float[][] weights = new float[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            double[] sum = new double[dim];
            for (int t = 0; t < formats.size(); t++) {
                float[] row = promptEmbeddings[c * formats.size() + t];
                for (int d = 0; d < dim; d++) {
                    sum[d] += row[d];
                }
            }
            float[] mean = new float[dim];
            for (int d = 0; d < dim; d++) {
                mean[d] = (float) (sum[d] / formats.size());
            }
            Embeddings.normalizeInPlace(mean);
            weights[c] = mean;
        }
        return new ZeroShotClassifier(encoder, names, weights);
    }

    /** The class names, in label order. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of classes. */
    public int classCount() {
        return classNames.size();
    }

    /** The unit-norm class weights {@code [classes][embedding]}, as a copy. */
    public float[][] classWeights() {
        float[][] copy = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            copy[c] = weights[c].clone();
        }
        return copy;
    }

    /** {@code 100 * normalize(row) . weight} for every image row and class: {@code [images][classes]}. */
    public float[][] logits(float[][] imageEmbeddings) {
        float[][] out = new float[imageEmbeddings.length][];
        for (int i = 0; i < imageEmbeddings.length; i++) {
            out[i] = logits(imageEmbeddings[i]);
        }
        return out;
    }

    /**
     * Class probabilities {@code [images][classes]} for image embeddings (normalized or not: each row is
     * L2-normalized first).
     */
    public float[][] probabilities(float[][] imageEmbeddings) {
        float[][] out = new float[imageEmbeddings.length][];
        for (int i = 0; i < imageEmbeddings.length; i++) {
            double[] p = softmax(logits(imageEmbeddings[i]));
            out[i] = new float[p.length];
            for (int c = 0; c < p.length; c++) {
                out[i][c] = (float) p[c];
            }
        }
        return out;
    }

    /** The classification of one image embedding (normalized or not: it is L2-normalized first). */
    public Classifications classify(float[] imageEmbedding) {
        return toClassifications(classNames, logits(imageEmbedding));
    }

    /** Encodes image files with the model that built this classifier and classifies each. */
    public List<Classifications> classify(List<Path> images) throws IOException {
        float[][] embeddings = encoder.encodeImages(images, true);
        List<Classifications> out = new ArrayList<>(embeddings.length);
        for (float[] row : embeddings) {
            out.add(classify(row));
        }
        return out;
    }

    private float[] logits(float[] imageEmbedding) {
        int dim = weights[0].length;
        if (imageEmbedding.length != dim) {
            throw new IllegalArgumentException("image embedding has " + imageEmbedding.length
                    + " values, the class weights " + dim);
        }
        float[] image = Embeddings.normalize(imageEmbedding);
        float[] out = new float[weights.length];
        for (int c = 0; c < weights.length; c++) {
            float[] w = weights[c];
            double dot = 0;
            for (int d = 0; d < dim; d++) {
                dot += (double) image[d] * w[d];
            }
            out[c] = (float) (LOGIT_SCALE * dot);
        }
        return out;
    }

    /** Softmax over classes turned into DJL's classification result. */
    static Classifications toClassifications(List<String> classNames, float[] logits) {
        double[] p = softmax(logits);
        List<Double> probabilities = new ArrayList<>(p.length);
        for (double v : p) {
            probabilities.add(v);
        }
        return new Classifications(classNames, probabilities);
    }

    /** A numerically stable softmax, in double precision. */
    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
