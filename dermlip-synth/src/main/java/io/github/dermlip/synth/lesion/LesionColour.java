package io.github.dermlip.synth.lesion;

/** The colours a lesion can show, in the order captions list them. */
public enum LesionColour {
    BROWN, BLACK, BLUE_GREY, RED, PINK, WHITE
}
