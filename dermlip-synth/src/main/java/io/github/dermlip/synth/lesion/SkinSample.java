package io.github.dermlip.synth.lesion;

/**
 * Everything that defines one synthetic image and its caption, before any pixel is drawn.
 *
 * @param diagnosis the ground-truth diagnosis
 * @param tone the skin phototype
 * @param modality dermoscopic or clinical
 * @param attributes the lesion's visual attributes, all of which are drawn
 * @param renderSeed seed of the renderer's random stream (layout, texture, noise)
 * @param captionSeed seed of the caption composer's random stream (style and wording)
 */
public record SkinSample(Diagnosis diagnosis, SkinTone tone, Modality modality, LesionAttributes attributes,
                         long renderSeed, long captionSeed) {

    /** Rejects missing parts. */
    public SkinSample {
        if (diagnosis == null || tone == null || modality == null || attributes == null) {
            throw new IllegalArgumentException("diagnosis, tone, modality and attributes are required");
        }
    }
}
