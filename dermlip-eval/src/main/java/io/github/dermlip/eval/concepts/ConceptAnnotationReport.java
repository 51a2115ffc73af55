package io.github.dermlip.eval.concepts;

import io.github.dermlip.eval.metrics.BinaryScores;
import java.util.ArrayList;
import java.util.List;

/**
 * Concept annotation quality as DermLIP reports it: the AUROC of every concept, their mean, and how many exceed
 * 0.7 ({@code mean (count/total)}).
 *
 * @param perConcept AUROC of every concept, in column order
 * @param meanAuroc mean over concepts with a defined AUROC
 * @param aboveThreshold number of concepts with AUROC strictly above {@link #THRESHOLD}
 * @param evaluated number of concepts with a defined AUROC (both label values present)
 */
public record ConceptAnnotationReport(List<ConceptAuroc> perConcept, double meanAuroc, int aboveThreshold,
        int evaluated) {
    /** The AUROC a concept must exceed to count as well annotated. */
    public static final double THRESHOLD = 0.7;

    /** Copies the list. */
    public ConceptAnnotationReport {
        perConcept = List.copyOf(perConcept);
    }

    /**
     * Scores against annotations.
     *
     * @param scores presence scores, {@code [image][concept]}
     * @param labels {@code [image][concept]} annotations, 0 or 1, same column order
     */
    public static ConceptAnnotationReport evaluate(ConceptScores scores, int[][] labels) {
        if (labels.length != scores.images()) {
            throw new IllegalArgumentException("labels have " + labels.length + " rows, scores "
                    + scores.images());
        }
        int concepts = scores.concepts().size();
        List<ConceptAuroc> results = new ArrayList<>(concepts);
        double sum = 0;
        int evaluated = 0;
        int above = 0;
        for (int c = 0; c < concepts; c++) {
            boolean[] positive = new boolean[labels.length];
            int positives = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i].length != concepts) {
                    throw new IllegalArgumentException("label row " + i + " has " + labels[i].length
                            + " values for " + concepts + " concepts");
                }
                int value = labels[i][c];
                if (value != 0 && value != 1) {
                    throw new IllegalArgumentException("label of concept '" + scores.concepts().get(c)
                            + "' at row " + i + " is " + value + ", expected 0 or 1");
                }
                positive[i] = value == 1;
                positives += value;
            }
            double auroc = BinaryScores.auroc(positive, scores.column(c));
            results.add(new ConceptAuroc(scores.concepts().get(c), auroc, positives, labels.length - positives));
            if (!Double.isNaN(auroc)) {
                sum += auroc;
                evaluated++;
                if (auroc > THRESHOLD) {
                    above++;
                }
            }
        }
        return new ConceptAnnotationReport(results, evaluated == 0 ? Double.NaN : sum / evaluated, above,
                evaluated);
    }
}
