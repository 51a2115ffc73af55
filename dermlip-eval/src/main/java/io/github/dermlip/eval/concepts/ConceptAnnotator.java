package io.github.dermlip.eval.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Zero-shot concept annotation from precomputed embeddings, following MONET (Kim et al., 2024) as DermLIP runs it.
 *
 * <p>For a concept with terms {@code t_1..t_m} and prompt pairs {@code (template_j, reference_j)}:
 * <ol>
 *   <li>every target prompt {@code template_j(t_l)} and every reference sentence is encoded and L2-normalized;</li>
 *   <li>per template, the target similarity of an image is the <b>mean over terms</b> of its cosine similarity
 *       to the term prompts, and the reference similarity its cosine similarity to the reference sentence;</li>
 *   <li>per template, {@code softmax([s_target, s_ref] * scale)[0] = sigmoid(scale (s_target - s_ref))};</li>
 *   <li>the presence score is the mean of that over templates.</li>
 * </ol>
 * {@code scale} is MONET's inverse temperature {@code e^4.5944} (about 99). Image embeddings are L2-normalized
 * here, so raw encoder outputs may be passed. The text encoder is a plain function from sentences to embedding
 * rows, which keeps this class independent of any model.
 */
public final class ConceptAnnotator {
    /** MONET's logit scale, {@code 1 / temperature} with temperature {@code 1 / e^4.5944}. */
    public static final double MONET_LOGIT_SCALE = Math.exp(4.5944);

    /** DermLIP's six concept prompt templates and their reference sentences. */
    public static final List<PromptPair> DERMLIP_PROMPTS = List.of(
            new PromptPair("This is skin image of {}", "This is skin image"),
            new PromptPair("This is dermatology image of {}", "This is dermatology image"),
            new PromptPair("This is image of {}", "This is image"),
            new PromptPair("A skin image of {}", "A skin image"),
            new PromptPair("An image of {}, a skin condition.", "An image of a skin condition."),
            new PromptPair("{}, a skin disorder, is shown in this image.", "a skin disorder is shown in this image."));

    private final Function<List<String>, float[][]> textEncoder;
    private final List<PromptPair> prompts;
    private final double logitScale;

    /** Annotator with DermLIP's prompts and MONET's logit scale. */
    public ConceptAnnotator(Function<List<String>, float[][]> textEncoder) {
        this(textEncoder, DERMLIP_PROMPTS, MONET_LOGIT_SCALE);
    }

    /**
     * Annotator with custom prompts.
     *
     * @param textEncoder sentences to {@code [sentences][E]} embeddings
     * @param prompts template/reference pairs, at least one
     * @param logitScale multiplier of cosine similarities before the softmax
     */
    public ConceptAnnotator(Function<List<String>, float[][]> textEncoder, List<PromptPair> prompts,
            double logitScale) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("at least one prompt pair is needed");
        }
        if (!(logitScale > 0) || Double.isInfinite(logitScale)) {
            throw new IllegalArgumentException("logit scale must be positive and finite, got " + logitScale);
        }
        this.textEncoder = textEncoder;
        this.prompts = List.copyOf(prompts);
        this.logitScale = logitScale;
    }

    /**
     * Presence scores of every concept in every image.
     *
     * @param imageEmbeddings {@code [N][E]} image embeddings
     * @param conceptTerms concept name to its terms (at least one each), in the desired column order
     */
    public ConceptScores score(float[][] imageEmbeddings, Map<String, List<String>> conceptTerms) {
        int dim = imageEmbeddings.length == 0 ? -1 : imageEmbeddings[0].length;
        double[][] images = new double[imageEmbeddings.length][];
        for (int i = 0; i < images.length; i++) {
            images[i] = normalized(imageEmbeddings[i], "image embedding " + i);
            if (images[i].length != dim) {
                throw new IllegalArgumentException("image embedding " + i + " has " + images[i].length
                        + " values, expected " + dim);
            }
        }
        List<String> references = prompts.stream().map(PromptPair::reference).toList();
        double[][] referenceEmbeddings = encode(references, dim);
        List<String> names = new ArrayList<>(conceptTerms.keySet());
        double[][] scores = new double[images.length][names.size()];
        for (int c = 0; c < names.size(); c++) {
            double[][] directions = conceptDirections(names.get(c), conceptTerms.get(names.get(c)),
                    referenceEmbeddings, dim);
            for (int i = 0; i < images.length; i++) {
                double sum = 0;
                for (double[] direction : directions) {
                    sum += sigmoid(logitScale * dot(images[i], direction));
                }
                scores[i][c] = sum / directions.length;
            }
        }
        return new ConceptScores(names, scores);
    }

    /** Per template: mean normalized target embedding minus normalized reference embedding. */
    private double[][] conceptDirections(String concept, List<String> terms, double[][] references, int dim) {
        if (terms == null || terms.isEmpty()) {
            throw new IllegalArgumentException("concept '" + concept + "' has no terms");
        }
        List<String> sentences = new ArrayList<>(prompts.size() * terms.size());
        for (PromptPair prompt : prompts) {
            for (String term : terms) {
                sentences.add(prompt.fill(term));
            }
        }
        double[][] targets = encode(sentences, dim);
        int width = references[0].length;
        double[][] directions = new double[prompts.size()][width];
        for (int t = 0; t < prompts.size(); t++) {
            for (int l = 0; l < terms.size(); l++) {
                double[] target = targets[t * terms.size() + l];
                for (int d = 0; d < width; d++) {
                    directions[t][d] += target[d] / terms.size();
                }
            }
            for (int d = 0; d < width; d++) {
                directions[t][d] -= references[t][d];
            }
        }
        return directions;
    }

    /** Encodes and normalizes sentences; {@code dim} is the expected width, or -1 when not yet known. */
    private double[][] encode(List<String> sentences, int dim) {
        float[][] raw = textEncoder.apply(sentences);
        if (raw.length != sentences.size()) {
            throw new IllegalStateException("text encoder returned " + raw.length + " embeddings for "
                    + sentences.size() + " sentences");
        }
        double[][] embeddings = new double[raw.length][];
        for (int s = 0; s < raw.length; s++) {
            embeddings[s] = normalized(raw[s], "text embedding of '" + sentences.get(s) + "'");
            if (dim >= 0 && embeddings[s].length != dim) {
                throw new IllegalStateException("text embedding of '" + sentences.get(s) + "' has "
                        + embeddings[s].length + " values, image embeddings " + dim);
            }
        }
        return embeddings;
    }

    private static double[] normalized(float[] vector, String what) {
        double squared = 0;
        for (float v : vector) {
            squared += (double) v * v;
        }
        if (!(squared > 0) || Double.isInfinite(squared)) {
            throw new IllegalArgumentException(what + " has zero or non-finite norm");
        }
        double inverse = 1 / Math.sqrt(squared);
        double[] unit = new double[vector.length];
        for (int d = 0; d < vector.length; d++) {
            unit[d] = vector[d] * inverse;
        }
        return unit;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            sum += a[d] * b[d];
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
