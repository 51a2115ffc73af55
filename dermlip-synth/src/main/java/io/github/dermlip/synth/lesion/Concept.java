package io.github.dermlip.synth.lesion;

import java.util.List;
import java.util.function.Predicate;

/**
 * A clinical concept annotated per image, named as in SkinCon (colours, scale, crust, telangiectasia) or Derm7pt
 * (pigment network, dots and globules, asymmetry, irregular border), with the terms captions use for it. A caption
 * mentions a concept only through these terms, so term matching recovers exactly the concepts a caption states.
 */
public enum Concept {
    BROWN("Brown(Hyperpigmentation)", List.of("brown", "light brown", "dark brown"), a -> a.has(LesionColour.BROWN)),
    BLACK("Black", List.of("black", "jet-black"), a -> a.has(LesionColour.BLACK)),
    BLUE("Blue", List.of("blue-grey", "bluish-grey", "blue-grey veil"), a -> a.has(LesionColour.BLUE_GREY)),
    ERYTHEMA("Erythema", List.of("red", "reddish"), a -> a.has(LesionColour.RED)),
    SALMON("Salmon", List.of("pink", "pinkish", "salmon-pink"), a -> a.has(LesionColour.PINK)),
    WHITE("White(Hypopigmentation)", List.of("white", "whitish"), a -> a.has(LesionColour.WHITE)),
    ASYMMETRY("Asymmetry", List.of("asymmetric", "asymmetrical"), LesionAttributes::asymmetric),
    IRREGULAR_BORDER("Irregular border", List.of("irregular border", "notched border", "jagged border"),
            LesionAttributes::irregularBorder),
    SCALE("Scale", List.of("scale", "scaly surface", "silvery scale"), LesionAttributes::scale),
    CRUST("Crust", List.of("crust", "crusting", "crusted surface"), LesionAttributes::crust),
    DOTS_GLOBULES("Dots and globules", List.of("dots and globules", "globules"), LesionAttributes::dotsGlobules),
    PIGMENT_NETWORK("Pigment network", List.of("pigment network", "reticular network"),
            LesionAttributes::pigmentNetwork),
    TELANGIECTASIA("Telangiectasia", List.of("arborizing vessels", "branching vessels", "telangiectasia"),
            LesionAttributes::vessels);

    private final String columnName;
    private final List<String> terms;
    private final Predicate<LesionAttributes> presence;

    Concept(String columnName, List<String> terms, Predicate<LesionAttributes> presence) {
        this.columnName = columnName;
        this.terms = terms;
        this.presence = presence;
    }

    /** Column header in {@code concepts.csv} and the name used in the {@code skin_concept} column. */
    public String columnName() {
        return columnName;
    }

    /** Caption terms for this concept; the first is the canonical one used in concept-list captions. */
    public List<String> terms() {
        return terms;
    }

    /** True when a lesion with these attributes shows the concept. */
    public boolean isPresentIn(LesionAttributes attributes) {
        return presence.test(attributes);
    }
}
