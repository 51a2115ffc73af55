package io.github.dermlip.synth.lesion;

/** Parent category of a diagnosis in the small SkinSynth ontology (diagnosis, category, malignancy). */
public enum LesionCategory {
    MELANOCYTIC("melanocytic"),
    KERATINOCYTIC("keratinocytic"),
    FIBROHISTIOCYTIC("fibrohistiocytic"),
    VASCULAR("vascular"),
    INFLAMMATORY("inflammatory");

    private final String adjective;

    LesionCategory(String adjective) {
        this.adjective = adjective;
    }

    /** Adjective used in ontology captions, such as {@code "melanocytic"}. */
    public String adjective() {
        return adjective;
    }
}
