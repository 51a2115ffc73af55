package io.github.dermlip.synth.lesion;

/** Top level of the SkinSynth ontology. */
public enum Malignancy {
    BENIGN("benign"),
    PREMALIGNANT("premalignant"),
    MALIGNANT("malignant");

    private final String adjective;

    Malignancy(String adjective) {
        this.adjective = adjective;
    }

    /** Adjective used in ontology captions. */
    public String adjective() {
        return adjective;
    }
}
