package io.github.dermlip.synth.lesion;

import java.util.SplittableRandom;

/**
 * Draws a {@link SkinSample} from a single 64-bit sample seed: skin tone, modality and attributes, plus independent
 * seeds for rendering and captioning (so changing the caption wording never moves a pixel).
 */
public final class SkinSampleFactory {

    /** Share of each skin tone I..VI, skewed towards lighter skin like public dermatology datasets. */
    private static final double[] TONE_SHARES = {0.16, 0.22, 0.20, 0.16, 0.14, 0.12};

    private SkinSampleFactory() {
    }

    /** Draws a sample whose diagnosis is itself drawn from the pretraining shares. */
    public static SkinSample drawWithPrior(long sampleSeed) {
        SplittableRandom rng = new SplittableRandom(sampleSeed);
        Diagnosis[] diagnoses = Diagnosis.values();
        double draw = rng.nextDouble();
        Diagnosis chosen = diagnoses[diagnoses.length - 1];
        double cumulative = 0.0;
        for (Diagnosis diagnosis : diagnoses) {
            cumulative += diagnosis.pretrainShare();
            if (draw < cumulative) {
                chosen = diagnosis;
                break;
            }
        }
        return drawRest(chosen, rng);
    }

    /** Draws a sample with a fixed diagnosis (used for the class-balanced evaluation splits). */
    public static SkinSample drawWithDiagnosis(long sampleSeed, Diagnosis diagnosis) {
        SplittableRandom rng = new SplittableRandom(sampleSeed);
        rng.nextDouble(); // keep the stream aligned with drawWithPrior, which spends one draw on the diagnosis
        return drawRest(diagnosis, rng);
    }

    private static SkinSample drawRest(Diagnosis diagnosis, SplittableRandom rng) {
        SkinTone tone = drawTone(rng.nextDouble());
        Modality modality = rng.nextDouble() < diagnosis.dermoscopicProbability()
                ? Modality.DERMOSCOPIC : Modality.CLINICAL;
        LesionAttributes attributes = diagnosis.profile().sample(rng);
        return new SkinSample(diagnosis, tone, modality, attributes, rng.nextLong(), rng.nextLong());
    }

    private static SkinTone drawTone(double draw) {
        SkinTone[] tones = SkinTone.values();
        double cumulative = 0.0;
        for (int i = 0; i < tones.length; i++) {
            cumulative += TONE_SHARES[i];
            if (draw < cumulative) {
                return tones[i];
            }
        }
        return tones[tones.length - 1];
    }
}
