package io.github.dermlip.synth;

import io.github.dermlip.synth.lesion.AttributeProfile;
import io.github.dermlip.synth.lesion.Diagnosis;
import io.github.dermlip.synth.lesion.LesionAttributes;
import io.github.dermlip.synth.lesion.LesionColour;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagnosis task is learnable but not trivial: simple colour features already beat chance by far, yet even a
 * classifier that knows every drawn attribute and the exact attribute distributions stays well below 100%.
 */
class LearnabilityTest {

    private static final int CLASSES = Diagnosis.values().length;
    private static final double CHANCE = 1.0 / CLASSES;
    private static final int BINS = 4;
    private static final int FEATURES = BINS * BINS * BINS + 1;

    @Test
    void nearestCentroidOnColourHistogramsBeatsChanceButIsNotPerfect() {
        SkinSynthGenerator generator = new SkinSynthGenerator(1234, 64);
        int perSplit = 480;
        double[][] centroids = new double[CLASSES][FEATURES];
        int[] counts = new int[CLASSES];
        for (int i = 0; i < perSplit; i++) {
            GeneratedSample s = generator.describe(DatasetSplit.EVAL_TRAIN, i);
            double[] f = features(generator.render(s));
            int c = s.sample().diagnosis().ordinal();
            counts[c]++;
            for (int k = 0; k < FEATURES; k++) {
                centroids[c][k] += f[k];
            }
        }
        for (int c = 0; c < CLASSES; c++) {
            for (int k = 0; k < FEATURES; k++) {
                centroids[c][k] /= counts[c];
            }
        }
        double[] spread = centroidSpread(centroids);
        int correct = 0;
        for (int i = 0; i < perSplit; i++) {
            GeneratedSample s = generator.describe(DatasetSplit.EVAL_TEST, i);
            double[] f = features(generator.render(s));
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < CLASSES; c++) {
                double d = 0.0;
                for (int k = 0; k < FEATURES; k++) {
                    double z = (f[k] - centroids[c][k]) / spread[k];
                    d += z * z;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            if (best == s.sample().diagnosis().ordinal()) {
                correct++;
            }
        }
        double accuracy = (double) correct / perSplit;
        assertTrue(accuracy > 2 * CHANCE, "colour-histogram nearest centroid accuracy " + accuracy);
        assertTrue(accuracy < 0.98, "the task is trivial: accuracy " + accuracy);
    }

    @Test
    void anAttributeOracleIsGoodButFallible() {
        SkinSynthGenerator generator = new SkinSynthGenerator(99, 64);
        int n = 8000;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            GeneratedSample s = generator.describe(DatasetSplit.EVAL_TEST, i);
            Diagnosis best = null;
            double bestLog = Double.NEGATIVE_INFINITY;
            for (Diagnosis d : Diagnosis.values()) {
                double log = logLikelihood(d.profile(), s.sample().attributes());
                if (log > bestLog) {
                    bestLog = log;
                    best = d;
                }
            }
            if (best == s.sample().diagnosis()) {
                correct++;
            }
        }
        double accuracy = (double) correct / n;
        assertTrue(accuracy > 0.7, "diagnoses overlap too much: Bayes accuracy on attributes " + accuracy);
        assertTrue(accuracy < 0.93, "diagnoses barely overlap: Bayes accuracy on attributes " + accuracy);
    }

    /**
     * A 4x4x4 histogram of the colours of lesion pixels relative to the skin (per-channel ratio to the median skin
     * colour), so the skin tone cancels out, plus the lesion's area. Only the central disc is used, which excludes
     * the black surround of dermoscopic images.
     */
    private static double[] features(BufferedImage image) {
        int size = image.getWidth();
        int[] pixels = image.getRGB(0, 0, size, size, null, 0, size);
        double limit = 0.42 * size;
        int[] centre = new int[pixels.length];
        int m = 0;
        for (int i = 0; i < pixels.length; i++) {
            double dx = i % size + 0.5 - size / 2.0;
            double dy = i / size + 0.5 - size / 2.0;
            if (dx * dx + dy * dy <= limit * limit) {
                centre[m++] = pixels[i];
            }
        }
        double skinR = median(centre, m, 16);
        double skinG = median(centre, m, 8);
        double skinB = median(centre, m, 0);
        double[] f = new double[FEATURES];
        int lesion = 0;
        for (int i = 0; i < m; i++) {
            int r = (centre[i] >> 16) & 0xFF;
            int g = (centre[i] >> 8) & 0xFF;
            int b = centre[i] & 0xFF;
            if (Math.abs(r - skinR) + Math.abs(g - skinG) + Math.abs(b - skinB) < 45) {
                continue;
            }
            lesion++;
            f[(bin(r / skinR) * BINS + bin(g / skinG)) * BINS + bin(b / skinB)]++;
        }
        for (int k = 0; k < FEATURES - 1 && lesion > 0; k++) {
            f[k] /= lesion;
        }
        f[FEATURES - 1] = Math.sqrt(lesion / (double) m);
        return f;
    }

    private static int bin(double ratio) {
        return ratio < 0.55 ? 0 : ratio < 0.85 ? 1 : ratio < 1.15 ? 2 : 3;
    }

    private static double median(int[] rgb, int count, int shift) {
        int[] channel = new int[count];
        for (int i = 0; i < count; i++) {
            channel[i] = (rgb[i] >> shift) & 0xFF;
        }
        Arrays.sort(channel);
        return Math.max(1, channel[count / 2]);
    }

    /** Standard deviation of each feature across the class centroids, to weigh features evenly. */
    private static double[] centroidSpread(double[][] centroids) {
        double[] spread = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            double mean = 0.0;
            for (double[] c : centroids) {
                mean += c[k] / CLASSES;
            }
            double var = 0.0;
            for (double[] c : centroids) {
                var += (c[k] - mean) * (c[k] - mean) / CLASSES;
            }
            spread[k] = Math.sqrt(var) + 1e-3;
        }
        return spread;
    }

    private static double logLikelihood(AttributeProfile p, LesionAttributes a) {
        double log = 0.0;
        for (LesionColour c : LesionColour.values()) {
            log += bernoulli(p.colourProbability(c), a.has(c));
        }
        log += bernoulli(p.irregularBorder(), a.irregularBorder()) + bernoulli(p.asymmetric(), a.asymmetric())
                + bernoulli(p.scale(), a.scale()) + bernoulli(p.crust(), a.crust())
                + bernoulli(p.dotsGlobules(), a.dotsGlobules()) + bernoulli(p.vessels(), a.vessels())
                + bernoulli(p.pigmentNetwork(), a.pigmentNetwork());
        return log + Math.log(Math.max(1e-3, p.sizeProbability(a.size())));
    }

    private static double bernoulli(double p, boolean value) {
        double q = Math.min(1 - 1e-3, Math.max(1e-3, p));
        return Math.log(value ? q : 1 - q);
    }
}
