package io.github.dermlip.synth.lesion;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The visual attributes of one synthetic lesion: exactly what the renderer draws and what captions and concept labels
 * may mention.
 *
 * @param colours the colours present (never empty), iterated in {@link LesionColour} order
 * @param irregularBorder notched, perturbed outline instead of a smooth one
 * @param asymmetric lopsided outline and off-centre colour blotches instead of a symmetric ellipse
 * @param size size class
 * @param scale white-silvery flakes on the surface
 * @param crust yellow-brown crust on the surface
 * @param dotsGlobules scattered dark dots and globules
 * @param vessels red branching (arborizing) vessels
 * @param pigmentNetwork a reticular network of dark lines
 */
public record LesionAttributes(Set<LesionColour> colours, boolean irregularBorder, boolean asymmetric, LesionSize size,
                               boolean scale, boolean crust, boolean dotsGlobules, boolean vessels,
                               boolean pigmentNetwork) {

    /** Validates and freezes the colour set in enum order. */
    public LesionAttributes {
        if (colours == null || colours.isEmpty()) {
            throw new IllegalArgumentException("a lesion needs at least one colour");
        }
        if (size == null) {
            throw new IllegalArgumentException("size must not be null");
        }
        colours = Collections.unmodifiableSet(EnumSet.copyOf(colours));
    }

    /** True when the lesion shows the given colour. */
    public boolean has(LesionColour colour) {
        return colours.contains(colour);
    }

    /** The concepts present on this lesion, in {@link Concept} order. */
    public Set<Concept> concepts() {
        EnumSet<Concept> present = EnumSet.noneOf(Concept.class);
        for (Concept concept : Concept.values()) {
            if (concept.isPresentIn(this)) {
                present.add(concept);
            }
        }
        return Collections.unmodifiableSet(present);
    }
}
