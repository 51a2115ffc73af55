package io.github.dermlip.eval.task;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for a CLIP model. An image file named {@code c<k>_...} embeds near the unit vector
 * {@code e_k}; a text that contains class name {@code k} embeds near {@code e_k}; everything else embeds at a
 * pseudo-random direction derived from its name. {@code noise} scales the pseudo-random part. Zero-shot
 * probabilities follow open_clip's recipe, computed here independently of the code under test.
 */
public final class FakeModel implements EmbeddingModel {
    /** Embedding width. */
    public static final int DIM = 16;

    private final String name;
    private final List<String> classNames;
    private final double noise;
    private final AtomicInteger imageCalls = new AtomicInteger();

    /**
     * @param name model name
     * @param classNames class names whose mention pulls a text towards {@code e_k}
     * @param noise weight of the pseudo-random part
     */
    public FakeModel(String name, List<String> classNames, double noise) {
        this.name = name;
        this.classNames = List.copyOf(classNames);
        this.noise = noise;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String id() {
        return name + "-noise-" + noise;
    }

    /** How often {@link #encodeImages} has been called. */
    public int imageCalls() {
        return imageCalls.get();
    }

    @Override
    public float[][] encodeImages(List<Path> images) {
        imageCalls.incrementAndGet();
        float[][] out = new float[images.size()][];
        for (int i = 0; i < out.length; i++) {
            String file = images.get(i).getFileName().toString();
            int label = file.startsWith("c") ? Character.digit(file.charAt(1), 10) : -1;
            out[i] = embed(label, file);
        }
        return out;
    }

    @Override
    public float[][] encodeTexts(List<String> texts) {
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            int label = -1;
            for (int k = 0; k < classNames.size(); k++) {
                if (texts.get(i).contains(classNames.get(k))) {
                    label = k;
                }
            }
            out[i] = embed(label, texts.get(i));
        }
        return out;
    }

    @Override
    public float[][] zeroShotProbabilities(float[][] imageEmbeddings, List<String> names, List<String> templates) {
        List<String> prompts = new ArrayList<>();
        for (String n : names) {
            for (String t : templates) {
                prompts.add(t.replace("{}", n));
            }
        }
        float[][] text = encodeTexts(prompts);
        double[][] weights = new double[names.size()][DIM];
        for (int c = 0; c < names.size(); c++) {
            for (int t = 0; t < templates.size(); t++) {
                for (int d = 0; d < DIM; d++) {
                    weights[c][d] += text[c * templates.size() + t][d];
                }
            }
            double norm = Math.sqrt(dot(weights[c], weights[c]));
            for (int d = 0; d < DIM; d++) {
                weights[c][d] /= norm;
            }
        }
        float[][] out = new float[imageEmbeddings.length][names.size()];
        for (int i = 0; i < out.length; i++) {
            double[] logits = new double[names.size()];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.length; c++) {
                double s = 0;
                for (int d = 0; d < DIM; d++) {
                    s += imageEmbeddings[i][d] * weights[c][d];
                }
                logits[c] = 100 * s;
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < logits.length; c++) {
                logits[c] = Math.exp(logits[c] - max);
                sum += logits[c];
            }
            for (int c = 0; c < logits.length; c++) {
                out[i][c] = (float) (logits[c] / sum);
            }
        }
        return out;
    }

    private float[] embed(int label, String key) {
        SplittableRandom random = new SplittableRandom(key.hashCode() * 31L + name.hashCode());
        double[] v = new double[DIM];
        for (int d = 0; d < DIM; d++) {
            v[d] = (label < 0 ? 1 : noise) * random.nextGaussian();
        }
        if (label >= 0) {
            v[label] += 1;
        }
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[DIM];
        for (int d = 0; d < DIM; d++) {
            out[d] = (float) (v[d] / norm);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
