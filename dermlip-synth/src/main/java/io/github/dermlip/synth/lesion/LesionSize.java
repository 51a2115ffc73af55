package io.github.dermlip.synth.lesion;

/** Lesion size class, with the caption adjective and the lesion radius as a fraction of the image side. */
public enum LesionSize {
    SMALL("small", 0.15),
    MEDIUM("medium-sized", 0.21),
    LARGE("large", 0.29);

    private final String adjective;
    private final double radiusFraction;

    LesionSize(String adjective, double radiusFraction) {
        this.adjective = adjective;
        this.radiusFraction = radiusFraction;
    }

    /** Adjective used in captions. */
    public String adjective() {
        return adjective;
    }

    /** Mean lesion radius in a dermoscopic image, as a fraction of the image side. */
    public double radiusFraction() {
        return radiusFraction;
    }
}
