package io.github.dermlip.synth.lesion;

/**
 * Fitzpatrick-like skin phototypes I to VI, from very fair to very dark, each with the base colour its synthetic skin
 * is painted in and the words captions use for it.
 */
public enum SkinTone {
    I(0xF7E0D2, "very fair"),
    II(0xEDCBB2, "fair"),
    III(0xD6AA86, "medium"),
    IV(0xB4845F, "olive"),
    V(0x855A3E, "dark"),
    VI(0x563A2A, "very dark");

    private final int baseRgb;
    private final String description;

    SkinTone(int baseRgb, String description) {
        this.baseRgb = baseRgb;
        this.description = description;
    }

    /** Base skin colour as packed {@code 0xRRGGBB}. */
    public int baseRgb() {
        return baseRgb;
    }

    /** Plain-language description used in captions, such as {@code "very fair"}. */
    public String description() {
        return description;
    }

    /** The Roman numeral label written to the CSV files ({@code "I"} .. {@code "VI"}). */
    public String label() {
        return name();
    }
}
