package io.github.dermlip.eval.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One visual question with its reference answer.
 *
 * @param image the image file
 * @param question the question text
 * @param answer the reference answer text
 * @param modality the imaging modality ({@code clinical}, {@code dermoscopic}, {@code pathological}, ...) when the
 *     data says, else null
 */
public record VqaItem(Path image, String question, String answer, String modality) {

    /** Checks the required values. */
    public VqaItem {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
