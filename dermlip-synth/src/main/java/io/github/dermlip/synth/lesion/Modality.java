package io.github.dermlip.synth.lesion;

/** How a synthetic image was "taken": a dermoscope close-up or a wider clinical photograph. */
public enum Modality {
    /** Circular field of view, dark corners, a magnified lesion in the centre. */
    DERMOSCOPIC("dermoscopic", "Dermoscopy"),
    /** The whole frame is skin with hair and skin lines; the lesion is smaller and off-centre. */
    CLINICAL("clinical", "Clinical photo");

    private final String adjective;
    private final String heading;

    Modality(String adjective, String heading) {
        this.adjective = adjective;
        this.heading = heading;
    }

    /** Lower-case adjective for sentences and the CSV column ({@code "dermoscopic"}, {@code "clinical"}). */
    public String adjective() {
        return adjective;
    }

    /** Capitalised heading that opens concept-list captions ({@code "Dermoscopy"}, {@code "Clinical photo"}). */
    public String heading() {
        return heading;
    }
}
