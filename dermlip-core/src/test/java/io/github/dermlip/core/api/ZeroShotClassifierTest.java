package io.github.dermlip.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.modality.Classifications;
import io.github.dermlip.core.SharedFixtures;
import io.github.dermlip.core.prompts.PromptTemplates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The classifier against a reference computed here with plain loops from the model's own text embeddings. */
class ZeroShotClassifierTest {
    private static final List<String> CLASSES = List.of("melanoma", "nevus", "basal cell carcinoma");
    private static final List<String> TEMPLATES = List.of("This is a skin image of {}", "A skin image of {}.",
            "{}, a skin disorder, is shown in this image.");

    private static DermLip lip;

    @BeforeAll
    static void load() throws Exception {
        lip = DermLip.load(ApiFixtures.dir(ApiFixtures.GELU), ApiFixtures.options().withBatchSize(4));
    }

    @AfterAll
    static void close() {
        lip.close();
    }

    @Test
    void probabilitiesAgreeWithAnIndependentReference() throws Exception {
        ZeroShotClassifier classifier = lip.zeroShotClassifier(CLASSES, TEMPLATES);
        float[][] images = SharedFixtures.expectedRows(ApiFixtures.GELU, "image_embeds");
        double[][] referenceLogits = referenceLogits(images);
        double[][] reference = softmax(referenceLogits);

        float[][] probabilities = classifier.probabilities(images);
        float[][] logits = classifier.logits(images);
        double maxError = 0;
        double maxLogitError = 0;
        for (int i = 0; i < images.length; i++) {
            Classifications single = classifier.classify(images[i]);
            assertEquals(CLASSES, single.getClassNames());
            int best = 0;
            for (int c = 0; c < CLASSES.size(); c++) {
                maxLogitError = Math.max(maxLogitError, Math.abs(logits[i][c] - referenceLogits[i][c]));
                maxError = Math.max(maxError, Math.abs(probabilities[i][c] - reference[i][c]));
                maxError = Math.max(maxError, Math.abs(single.getProbabilities().get(c) - reference[i][c]));
                best = reference[i][c] > reference[i][best] ? c : best;
            }
            assertEquals(CLASSES.get(best), single.best().getClassName(), "image " + i);
        }
        System.out.printf("ZeroShotClassifier vs reference: max logit error %.3g, max probability error %.3g%n",
                maxLogitError, maxError);
        assertEquals(0, maxLogitError, 1e-3);
        assertEquals(0, maxError, 1e-5);
    }

    @Test
    void classWeightsAreUnitVectorsAndClassifyingFilesMatchesTheirEmbeddings() throws Exception {
        ZeroShotClassifier classifier = lip.zeroShotClassifier(CLASSES, TEMPLATES);
        for (float[] w : classifier.classWeights()) {
            double norm = 0;
            for (float v : w) {
                norm += v * v;
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-6);
        }
        List<Classifications> fromFiles = classifier.classify(ApiFixtures.images(ApiFixtures.GELU));
        float[][] fromEmbeddings = classifier.probabilities(lip.encodeImages(ApiFixtures.images(ApiFixtures.GELU), false));
        assertEquals(fromEmbeddings.length, fromFiles.size());
        for (int i = 0; i < fromFiles.size(); i++) {
            for (int c = 0; c < CLASSES.size(); c++) {
                assertEquals(fromEmbeddings[i][c], fromFiles.get(i).get(CLASSES.get(c)).getProbability(), 1e-6);
            }
        }
    }

    @Test
    void badClassListsAndTemplatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> lip.zeroShotClassifier(List.of(), TEMPLATES));
        assertThrows(IllegalArgumentException.class, () -> lip.zeroShotClassifier(List.of("nevus", "nevus"), TEMPLATES));
        assertThrows(IllegalArgumentException.class, () -> lip.zeroShotClassifier(List.of("nevus", " "), TEMPLATES));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lip.zeroShotClassifier(CLASSES, List.of("a photo of a lesion")));
        assertEquals(true, e.getMessage().contains("a photo of a lesion"));
        assertEquals(List.of("A skin image of nevus."), new PromptTemplates(List.of("A skin image of {}.")).format("nevus"));
    }

    /** 100 * cos(image, mean of normalized prompt embeddings), written out with plain loops. */
    private static double[][] referenceLogits(float[][] images) {
        List<String> prompts = new ArrayList<>();
        for (String name : CLASSES) {
            prompts.add("This is a skin image of " + name);
            prompts.add("A skin image of " + name + ".");
            prompts.add(name + ", a skin disorder, is shown in this image.");
        }
        float[][] text = lip.encodeTexts(prompts, false);
        int dim = text[0].length;
        double[][] weights = new double[CLASSES.size()][dim];
        for (int c = 0; c < CLASSES.size(); c++) {
            for (int t = 0; t < 3; t++) {
                double[] unit = unit(text[c * 3 + t]);
                for (int d = 0; d < dim; d++) {
                    weights[c][d] += unit[d] / 3;
                }
            }
            weights[c] = unit(weights[c]);
        }
        double[][] out = new double[images.length][CLASSES.size()];
        for (int i = 0; i < images.length; i++) {
            double[] image = unit(images[i]);
            for (int c = 0; c < CLASSES.size(); c++) {
                double dot = 0;
                for (int d = 0; d < dim; d++) {
                    dot += image[d] * weights[c][d];
                }
                out[i][c] = 100 * dot;
            }
        }
        return out;
    }

    private static double[][] softmax(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = new double[logits[i].length];
            double sum = 0;
            for (int c = 0; c < logits[i].length; c++) {
                out[i][c] = Math.exp(logits[i][c]);
                sum += out[i][c];
            }
            for (int c = 0; c < logits[i].length; c++) {
                out[i][c] /= sum;
            }
        }
        return out;
    }

    private static double[] unit(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return unit(d);
    }

    private static double[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / Math.sqrt(norm);
        }
        return out;
    }
}
