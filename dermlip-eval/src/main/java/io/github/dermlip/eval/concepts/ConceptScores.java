package io.github.dermlip.eval.concepts;

import java.util.Arrays;
import java.util.List;

/**
 * Concept presence scores of a set of images.
 *
 * @param concepts concept names, in column order
 * @param scores {@code [image][concept]} presence scores in (0, 1)
 */
public record ConceptScores(List<String> concepts, double[][] scores) {

    /** Checks the shape and deep-copies. */
    public ConceptScores {
        concepts = List.copyOf(concepts);
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != concepts.size()) {
                throw new IllegalArgumentException("score row " + i + " has " + scores[i].length
                        + " values for " + concepts.size() + " concepts");
            }
        }
        scores = Arrays.stream(scores).map(double[]::clone).toArray(double[][]::new);
    }

    /** The score matrix (a copy). */
    @Override
    public double[][] scores() {
        return Arrays.stream(scores).map(double[]::clone).toArray(double[][]::new);
    }

    /** Number of images. */
    public int images() {
        return scores.length;
    }

    /** The scores of concept column {@code c} over all images. */
    public double[] column(int c) {
        double[] column = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            column[i] = scores[i][c];
        }
        return column;
    }
}
