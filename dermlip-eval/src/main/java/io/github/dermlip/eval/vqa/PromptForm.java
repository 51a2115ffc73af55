package io.github.dermlip.eval.vqa;

import java.util.Locale;

/** The text a candidate answer is scored as against the image ({@code vqa --prompt}). */
public enum PromptForm {
    /** The question followed by the candidate: {@code "Is it raised? yes"}. */
    QUESTION_ANSWER,
    /** The candidate alone, as zero-shot classification does with class names. */
    ANSWER;

    /** Parses a {@code --prompt} value ({@code question-answer} or {@code answer}). */
    public static PromptForm parse(String name) {
        for (PromptForm form : values()) {
            if (form.toString().equalsIgnoreCase(name)) {
                return form;
            }
        }
        throw new IllegalArgumentException("--prompt must be question-answer or answer, found '" + name + "'");
    }

    /** The text of {@code candidate} for {@code question}. */
    public String text(String question, String candidate) {
        return this == ANSWER ? candidate : question.strip() + " " + candidate;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
