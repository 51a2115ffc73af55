package io.github.dermlip.eval.concepts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptAnnotationReportTest {

    @Test
    void aurocPerConceptMeanAndCountAboveThreshold() {
        ConceptScores scores = new ConceptScores(List.of("A", "B", "C", "D"), new double[][] {
            {0.9, 0.2, 0.5, 0.1}, {0.8, 0.6, 0.4, 0.3}, {0.3, 0.7, 0.6, 0.2}, {0.1, 0.4, 0.5, 0.4}});
        int[][] labels = {{1, 0, 1, 0}, {1, 1, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 0}};
        ConceptAnnotationReport report = ConceptAnnotationReport.evaluate(scores, labels);
        // A: positives {0.9, 0.8} above negatives {0.3, 0.1}: 1.0. B: positives {0.6, 0.7} vs {0.2, 0.4}: 1.0.
        // C: positives {0.5, 0.6} vs {0.4, 0.5}: wins 0.5>0.4, 0.6>0.4, 0.6>0.5, tie 0.5=0.5 -> 3.5/4 = 0.875.
        // D: no positive -> undefined, left out of the mean and the count.
        assertEquals(1.0, report.perConcept().get(0).auroc(), 0);
        assertEquals(1.0, report.perConcept().get(1).auroc(), 0);
        assertEquals(0.875, report.perConcept().get(2).auroc(), 1e-15);
        assertTrue(Double.isNaN(report.perConcept().get(3).auroc()));
        assertEquals((1.0 + 1.0 + 0.875) / 3, report.meanAuroc(), 1e-15);
        assertEquals(3, report.aboveThreshold());
        assertEquals(3, report.evaluated());
        assertEquals(new ConceptAuroc("C", 0.875, 2, 2), report.perConcept().get(2));
    }

    @Test
    void thresholdIsStrict() {
        // Concept A: negatives {0.1, 0.2, 0.3, 0.4, 0.5}, positives 0.6 (beats 5) and 0.25 (beats 2): 7/10 = 0.7,
        // which does not count. Concept B: positives 0.6 and 0.35 (beats 3): 8/10 = 0.8, which does.
        double[] a = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.25};
        double[] b = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.35};
        double[][] matrix = new double[7][];
        int[][] labels = new int[7][];
        for (int i = 0; i < 7; i++) {
            matrix[i] = new double[] {a[i], b[i]};
            labels[i] = i >= 5 ? new int[] {1, 1} : new int[] {0, 0};
        }
        ConceptAnnotationReport report =
                ConceptAnnotationReport.evaluate(new ConceptScores(List.of("A", "B"), matrix), labels);
        assertEquals(0.7, report.perConcept().get(0).auroc(), 0);
        assertEquals(0.8, report.perConcept().get(1).auroc(), 1e-15);
        assertEquals(1, report.aboveThreshold());
        assertEquals(0.75, report.meanAuroc(), 1e-15);
    }

    @Test
    void rejectsNonBinaryOrMisshapenLabels() {
        ConceptScores scores = new ConceptScores(List.of("A"), new double[][] {{0.2}, {0.7}});
        assertThrows(IllegalArgumentException.class,
                () -> ConceptAnnotationReport.evaluate(scores, new int[][] {{2}, {0}}));
        assertThrows(IllegalArgumentException.class,
                () -> ConceptAnnotationReport.evaluate(scores, new int[][] {{1}}));
        assertThrows(IllegalArgumentException.class,
                () -> ConceptAnnotationReport.evaluate(scores, new int[][] {{1, 0}, {0, 1}}));
    }
}
