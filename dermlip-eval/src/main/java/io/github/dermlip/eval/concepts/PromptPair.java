package io.github.dermlip.eval.concepts;

/**
 * One prompt template of concept annotation and its concept-free reference sentence.
 *
 * @param targetTemplate a sentence with one {@code {}} placeholder for the concept term
 * @param reference the matching sentence without a concept, the softmax's competing prompt
 */
public record PromptPair(String targetTemplate, String reference) {

    /** Checks the placeholder. */
    public PromptPair {
        int first = targetTemplate.indexOf("{}");
        if (first < 0 || targetTemplate.indexOf("{}", first + 1) >= 0) {
            throw new IllegalArgumentException("target template must hold exactly one {} placeholder: '"
                    + targetTemplate + "'");
        }
        if (reference.isBlank()) {
            throw new IllegalArgumentException("reference sentence of '" + targetTemplate + "' is blank");
        }
    }

    /** The template with {@code term} in place of the placeholder. */
    public String fill(String term) {
        return targetTemplate.replace("{}", term);
    }
}
