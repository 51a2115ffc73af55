package io.github.dermlip.synth.render;

import io.github.dermlip.synth.lesion.LesionColour;

/**
 * The painted colour of each {@link LesionColour} on a given skin: pigment colours darken the skin multiplicatively
 * (brown on very dark skin is a darker brown), inflammatory colours blend towards a fixed hue, so the same attribute
 * looks different, and is harder to see, on darker skin, as in real photographs.
 */
final class LesionPalette {

    private final int skin;
    private final int[] colours = new int[LesionColour.values().length];

    LesionPalette(int skin) {
        this.skin = skin;
        colours[LesionColour.BROWN.ordinal()] = Rgb.scale(skin, 0.60, 0.46, 0.36);
        colours[LesionColour.BLACK.ordinal()] = Rgb.mix(skin, 0x1C1614, 0.90);
        colours[LesionColour.BLUE_GREY.ordinal()] = Rgb.mix(skin, 0x62738E, 0.85);
        colours[LesionColour.RED.ordinal()] = Rgb.mix(Rgb.scale(skin, 0.95, 0.35, 0.35), 0xBE1E2D, 0.65);
        colours[LesionColour.PINK.ordinal()] = Rgb.mix(Rgb.scale(skin, 1.0, 0.72, 0.76), 0xEB8C96, 0.45);
        colours[LesionColour.WHITE.ordinal()] = Rgb.mix(skin, 0xF4F0EA, 0.88);
    }

    /** The skin colour this palette was built for. */
    int skin() {
        return skin;
    }

    /** Painted colour of a lesion colour on this skin. */
    int of(LesionColour colour) {
        return colours[colour.ordinal()];
    }
}
