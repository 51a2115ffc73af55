package io.github.dermlip.synth.caption;

import java.util.Locale;

/** The three caption styles of Derm1M that SkinSynth imitates, with their share of the pretraining captions. */
public enum CaptionStyle {
    /** Free-text clinical description of the lesion's attributes, sometimes ending with a diagnosis. */
    CLINICAL(0.5),
    /** Diagnosis placed in the ontology: name, parent category, benign or malignant. No attributes. */
    ONTOLOGY(0.2),
    /** Terse list of the concepts present, headed by the modality. */
    CONCEPT_LIST(0.3);

    private final double share;

    CaptionStyle(double share) {
        this.share = share;
    }

    /** Probability that a pretraining caption has this style. */
    public double share() {
        return share;
    }

    /** Picks a style with probability {@link #share()} from a uniform draw in [0, 1). */
    public static CaptionStyle pick(double uniform) {
        double cumulative = 0.0;
        for (CaptionStyle style : values()) {
            cumulative += style.share;
            if (uniform < cumulative) {
                return style;
            }
        }
        return CONCEPT_LIST;
    }

    /** Lower-case name written to the {@code caption_style} column. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
