package io.github.dermlip.synth;

import io.github.dermlip.synth.lesion.AttributeProfile;
import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.lesion.LesionAttributes;
import io.github.dermlip.synth.lesion.LesionColour;
import io.github.dermlip.synth.lesion.LesionSize;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sampled attributes follow each diagnosis' probabilities, and profiles reject non-probabilities. */
class AttributeProfileTest {

    @Test
    void frequenciesMatchProbabilities() {
        int n = 20000;
        for (Diagnosis d : Diagnosis.values()) {
            AttributeProfile p = d.profile();
            SplittableRandom rng = new SplittableRandom(d.ordinal());
            int[] colours = new int[LesionColour.values().length];
            int[] sizes = new int[LesionSize.values().length];
            int irregular = 0;
            int scale = 0;
            int vessels = 0;
            int network = 0;
            for (int i = 0; i < n; i++) {
                LesionAttributes a = p.sample(rng);
                a.colours().forEach(c -> colours[c.ordinal()]++);
                sizes[a.size().ordinal()]++;
                irregular += a.irregularBorder() ? 1 : 0;
                scale += a.scale() ? 1 : 0;
                vessels += a.vessels() ? 1 : 0;
                network += a.pigmentNetwork() ? 1 : 0;
            }
            for (LesionColour c : LesionColour.values()) {
                // The dominant colour is added when no colour was drawn, so it may be a little more frequent.
                double expected = p.colourProbability(c);
                double observed = colours[c.ordinal()] / (double) n;
                assertTrue(observed > expected - 0.015 && observed < expected + 0.06, d + " " + c + ": " + observed);
            }
            for (LesionSize s : LesionSize.values()) {
                assertEquals(p.sizeProbability(s), sizes[s.ordinal()] / (double) n, 0.015, d + " " + s);
            }
            assertEquals(p.irregularBorder(), irregular / (double) n, 0.015, d + " irregular");
            assertEquals(p.scale(), scale / (double) n, 0.015, d + " scale");
            assertEquals(p.vessels(), vessels / (double) n, 0.015, d + " vessels");
            assertEquals(p.pigmentNetwork(), network / (double) n, 0.015, d + " network");
        }
    }

    @Test
    void pretrainSharesSumToOne() {
        double sum = 0.0;
        for (Diagnosis d : Diagnosis.values()) {
            sum += d.pretrainShare();
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void rejectsNonProbabilities() {
        double[] colours = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AttributeProfile(colours, 1.2, 0.5, 0.3, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1));
        assertTrue(e.getMessage().startsWith("irregularBorder"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new AttributeProfile(colours, 0.5, 0.5, 0.7, 0.6, 0.1, 0.1, 0.1, 0.1, 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> new AttributeProfile(new double[] {0.5}, 0.5, 0.5, 0.3, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1));
    }
}
