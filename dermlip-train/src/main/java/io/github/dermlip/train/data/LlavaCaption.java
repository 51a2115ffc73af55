package io.github.dermlip.train.data;

import java.util.Locale;

/** Which text of a LLaVA conversation becomes the caption of its image ({@code --llava-caption}). */
public enum LlavaCaption {
    /** The first gpt turn: one sample per record. */
    ANSWER,
    /** Every gpt turn, joined by a space: one sample per record. */
    ALL_ANSWERS,
    /** One sample per gpt turn, all sharing the record's image. */
    PAIRS;

    /** Parses a {@code --llava-caption} value ({@code answer}, {@code all-answers}, {@code pairs}). */
    public static LlavaCaption parse(String name) {
        for (LlavaCaption mode : values()) {
            if (mode.toString().equalsIgnoreCase(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--llava-caption must be answer, all-answers or pairs, found '" + name + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
