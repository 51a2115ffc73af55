package io.github.dermlip.eval.concepts;

/**
 * How well one concept's presence score separates images with and without it.
 *
 * @param concept concept name
 * @param auroc AUROC of the score against the binary label (NaN when the label has one value only)
 * @param positives images annotated with the concept
 * @param negatives images annotated without it
 */
public record ConceptAuroc(String concept, double auroc, int positives, int negatives) {}
