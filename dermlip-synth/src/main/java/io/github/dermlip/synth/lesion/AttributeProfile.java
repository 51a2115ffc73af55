package io.github.dermlip.synth.lesion;

import java.util.EnumSet;
import java.util.random.RandomGenerator;

/**
 * The probability of each visual attribute for one diagnosis. Attributes are drawn independently, so diagnoses
 * overlap the way real ones do: a nevus may be large and asymmetric, a melanoma small and brown.
 *
 * @param colourOdds probability of each colour, indexed by {@link LesionColour#ordinal()}
 * @param irregularBorder probability of an irregular border
 * @param asymmetric probability of an asymmetric lesion
 * @param small probability of {@link LesionSize#SMALL}
 * @param medium probability of {@link LesionSize#MEDIUM} (large takes the rest)
 * @param scale probability of scale
 * @param crust probability of crust
 * @param dotsGlobules probability of dots and globules
 * @param vessels probability of arborizing vessels
 * @param pigmentNetwork probability of a pigment network
 */
public record AttributeProfile(double[] colourOdds, double irregularBorder, double asymmetric, double small,
                               double medium, double scale, double crust, double dotsGlobules, double vessels,
                               double pigmentNetwork) {

    /** Validates that every entry is a probability and that the colour table covers every colour. */
    public AttributeProfile {
        if (colourOdds.length != LesionColour.values().length) {
            throw new IllegalArgumentException("colourOdds needs one entry per LesionColour, got " + colourOdds.length);
        }
        colourOdds = colourOdds.clone();
        for (double p : colourOdds) {
            requireProbability(p, "colourOdds");
        }
        requireProbability(irregularBorder, "irregularBorder");
        requireProbability(asymmetric, "asymmetric");
        requireProbability(small, "small");
        requireProbability(medium, "medium");
        requireProbability(small + medium, "small + medium");
        requireProbability(scale, "scale");
        requireProbability(crust, "crust");
        requireProbability(dotsGlobules, "dotsGlobules");
        requireProbability(vessels, "vessels");
        requireProbability(pigmentNetwork, "pigmentNetwork");
    }

    /** Probability that a lesion shows {@code colour}. */
    public double colourProbability(LesionColour colour) {
        return colourOdds[colour.ordinal()];
    }

    /** Probability of a size class. */
    public double sizeProbability(LesionSize size) {
        return switch (size) {
            case SMALL -> small;
            case MEDIUM -> medium;
            case LARGE -> 1.0 - small - medium;
        };
    }

    /** The colour this diagnosis shows most often; used when the independent draws picked none. */
    public LesionColour dominantColour() {
        LesionColour best = LesionColour.BROWN;
        for (LesionColour colour : LesionColour.values()) {
            if (colourProbability(colour) > colourProbability(best)) {
                best = colour;
            }
        }
        return best;
    }

    /** Draws one lesion's attributes. */
    public LesionAttributes sample(RandomGenerator rng) {
        EnumSet<LesionColour> colours = EnumSet.noneOf(LesionColour.class);
        for (LesionColour colour : LesionColour.values()) {
            if (rng.nextDouble() < colourProbability(colour)) {
                colours.add(colour);
            }
        }
        if (colours.isEmpty()) {
            colours.add(dominantColour());
        }
        boolean irregular = rng.nextDouble() < irregularBorder;
        boolean asym = rng.nextDouble() < asymmetric;
        double sizeDraw = rng.nextDouble();
        LesionSize size = sizeDraw < small ? LesionSize.SMALL
                : sizeDraw < small + medium ? LesionSize.MEDIUM : LesionSize.LARGE;
        return new LesionAttributes(colours, irregular, asym, size,
                rng.nextDouble() < scale, rng.nextDouble() < crust, rng.nextDouble() < dotsGlobules,
                rng.nextDouble() < vessels, rng.nextDouble() < pigmentNetwork);
    }

    @Override
    public double[] colourOdds() {
        return colourOdds.clone();
    }

    private static void requireProbability(double p, String field) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException(field + " must be a probability in [0, 1], got " + p);
        }
    }
}
