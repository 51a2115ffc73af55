package io.github.dermlip.eval.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ConceptAnnotatorTest {
    private static final double SCALE = Math.exp(4.5944);

    /**
     * A fake text encoder in 4-D: sentences mentioning "scaly" point along e0 + e1, "red" along e0 + e2, all
     * others (the reference sentences) along e0. Every call is recorded.
     */
    private static final class FakeEncoder implements Function<List<String>, float[][]> {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public float[][] apply(List<String> sentences) {
            calls.add(List.copyOf(sentences));
            float[][] out = new float[sentences.size()][];
            for (int s = 0; s < out.length; s++) {
                String text = sentences.get(s);
                if (text.contains("scaly")) {
                    out[s] = new float[] {3, 3, 0, 0};
                } else if (text.contains("red")) {
                    out[s] = new float[] {2, 0, 2, 0};
                } else {
                    out[s] = new float[] {5, 0, 0, 0};
                }
            }
            return out;
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void scoreIsTheTemplateMeanOfATwoWaySoftmax() {
        FakeEncoder encoder = new FakeEncoder();
        Map<String, List<String>> concepts = new LinkedHashMap<>();
        concepts.put("Scale", List.of("scaly"));
        concepts.put("Mixed", List.of("scaly", "red"));
        float[][] images = {{0, 2, 0, 0}, {1, 0, 0, 0}};
        ConceptScores scores = new ConceptAnnotator(encoder).score(images, concepts);

        // Image e1: cosine 1/sqrt(2) to the "scaly" prompts, 0 to the reference e0, identically for all six
        // templates: softmax([s_t, s_r] * scale)[0] = sigmoid(scale / sqrt(2)).
        double r = Math.sqrt(0.5);
        assertEquals(sigmoid(SCALE * r), scores.scores()[0][0], 1e-12);
        // Two terms: the target similarity is the mean over terms, (1/sqrt(2) + 0) / 2.
        assertEquals(sigmoid(SCALE * r / 2), scores.scores()[0][1], 1e-12);
        // Image e0: 1/sqrt(2) to every target, 1 to the reference.
        assertEquals(sigmoid(SCALE * (r - 1)), scores.scores()[1][0], 1e-12);
        assertEquals(List.of("Scale", "Mixed"), scores.concepts());
    }

    @Test
    void encodesReferencesOnceAndEveryTemplateTermPair() {
        FakeEncoder encoder = new FakeEncoder();
        new ConceptAnnotator(encoder).score(new float[][] {{1, 1, 0, 0}}, Map.of("Mixed", List.of("scaly", "red")));
        assertEquals(2, encoder.calls.size());
        assertEquals(List.of("This is skin image", "This is dermatology image", "This is image", "A skin image",
                "An image of a skin condition.", "a skin disorder is shown in this image."), encoder.calls.get(0));
        List<String> targets = encoder.calls.get(1);
        assertEquals(12, targets.size());
        assertEquals("This is skin image of scaly", targets.get(0));
        assertEquals("This is skin image of red", targets.get(1));
        assertEquals("red, a skin disorder, is shown in this image.", targets.get(11));
    }

    @Test
    void recoversAKnownConceptDirection() {
        // 60 images: those with the concept lean towards e1 (the "scaly" direction), the others do not; noise in
        // every direction. The presence score must separate them (AUROC 1) and ignore an unrelated concept.
        SplittableRandom random = new SplittableRandom(12);
        int n = 60;
        float[][] images = new float[n][4];
        int[][] labels = new int[n][2];
        for (int i = 0; i < n; i++) {
            boolean present = i % 3 == 0;
            labels[i][0] = present ? 1 : 0;
            labels[i][1] = i % 2;
            images[i][0] = 1;
            images[i][1] = (float) ((present ? 0.6 : 0.0) + 0.2 * random.nextDouble());
            images[i][2] = (float) (0.1 * random.nextGaussian());
            images[i][3] = (float) (0.5 * random.nextGaussian());
        }
        Map<String, List<String>> concepts = new LinkedHashMap<>();
        concepts.put("Scale", List.of("scaly"));
        concepts.put("Erythema", List.of("red"));
        ConceptScores scores = new ConceptAnnotator(new FakeEncoder()).score(images, concepts);
        ConceptAnnotationReport report = ConceptAnnotationReport.evaluate(scores, labels);
        assertEquals(1.0, report.perConcept().get(0).auroc(), 0);
        assertEquals(20, report.perConcept().get(0).positives());
        double unrelated = report.perConcept().get(1).auroc();
        assertTrue(unrelated > 0.2 && unrelated < 0.8, "unrelated concept AUROC " + unrelated);
    }

    @Test
    void rejectsBadInput() {
        ConceptAnnotator annotator = new ConceptAnnotator(new FakeEncoder());
        assertThrows(IllegalArgumentException.class,
                () -> annotator.score(new float[][] {{0, 0, 0, 0}}, Map.of("Scale", List.of("scaly"))));
        assertThrows(IllegalArgumentException.class,
                () -> annotator.score(new float[][] {{1, 0, 0, 0}}, Map.of("Scale", List.of())));
        assertThrows(IllegalStateException.class,
                () -> annotator.score(new float[][] {{1, 0, 0}}, Map.of("Scale", List.of("scaly"))));
        assertThrows(IllegalArgumentException.class, () -> new PromptPair("no placeholder", "ref"));
    }
}
