package io.github.dermlip.eval.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/** Deterministic stand-ins for real data in throughput measurements: clinical-style captions and photo-like JPEGs. */
final class BenchmarkInputs {
    private static final String[] FINDINGS = {"erythematous", "scaly", "pigmented", "hyperkeratotic", "ulcerated",
        "well-demarcated", "annular", "violaceous", "crusted", "umbilicated", "lichenified", "vesicular", "nodular",
        "atrophic", "telangiectatic", "asymmetric", "irregularly bordered", "symmetric", "papular", "pruritic"};
    private static final String[] LESIONS = {"plaque", "papule", "macule", "nodule", "patch", "vesicle", "pustule",
        "tumour", "erosion", "lesion", "eruption", "wheal"};
    private static final String[] SITES = {"forearm", "scalp", "back", "trunk", "cheek", "elbow", "knee", "shin",
        "palm", "sole", "nose", "ear", "neck", "abdomen", "thigh", "dorsal hand", "upper arm", "lower leg"};
    private static final String[] DIAGNOSES = {"melanoma", "melanocytic nevus", "basal cell carcinoma",
        "squamous cell carcinoma", "actinic keratosis", "seborrheic keratosis", "psoriasis vulgaris", "atopic dermatitis",
        "tinea corporis", "lichen planus", "dermatofibroma", "vascular lesion", "molluscum contagiosum", "rosacea",
        "urticaria", "vitiligo", "bullous pemphigoid", "scabies", "granuloma annulare", "Bowen's disease"};
    private static final String[] CONTEXTS = {"Clinical photo", "Dermoscopy image", "Close-up", "Teaching slide",
        "Case report figure", "Patient photograph"};

    private BenchmarkInputs() {}

    /** {@code count} captions of about 25 to 45 words, different from one another, from {@code seed}. */
    static List<String> captions(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            s.append(pick(CONTEXTS, random)).append(": a ").append(pick(FINDINGS, random)).append(", ")
                    .append(pick(FINDINGS, random)).append(' ').append(pick(LESIONS, random)).append(String.format(
                            Locale.ROOT, " of %.1f mm on the patient's %s %s", 1 + 40 * random.nextDouble(),
                            random.nextBoolean() ? "left" : "right", pick(SITES, random)));
            s.append(", present for ").append(1 + random.nextInt(36)).append(" months (Fitzpatrick type ")
                    .append("I II III IV V VI".split(" ")[random.nextInt(6)]).append("). ");
            s.append("Surrounding skin shows ").append(pick(FINDINGS, random)).append(' ').append(pick(LESIONS, random))
                    .append("s; no history of trauma. ");
            s.append("Consistent with ").append(pick(DIAGNOSES, random)).append("; differential includes ")
                    .append(pick(DIAGNOSES, random)).append(" and ").append(pick(DIAGNOSES, random))
                    .append(". Case #").append(i).append('.');
            out.add(s.toString());
        }
        return out;
    }

    /** Writes {@code count} {@code width x height} RGB JPEGs (smooth colour fields, blotches and noise). */
    static List<Path> writeJpegs(Path dir, int count, int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            double cx = width * (0.3 + 0.4 * random.nextDouble());
            double cy = height * (0.3 + 0.4 * random.nextDouble());
            double radius = Math.min(width, height) * (0.15 + 0.2 * random.nextDouble());
            int[] skin = {190 + random.nextInt(50), 140 + random.nextInt(50), 120 + random.nextInt(50)};
            int[] lesion = {80 + random.nextInt(80), 40 + random.nextInt(60), 30 + random.nextInt(50)};
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double d = Math.hypot(x - cx, y - cy) / radius + 0.15 * Math.sin(x * 0.07) * Math.cos(y * 0.05);
                    double w = 1 / (1 + Math.exp(8 * (d - 1)));
                    int rgb = 0;
                    for (int c = 0; c < 3; c++) {
                        double v = skin[c] * (1 - w) + lesion[c] * w + random.nextGaussian() * 6;
                        rgb = rgb << 8 | (int) Math.max(0, Math.min(255, v));
                    }
                    image.setRGB(x, y, rgb);
                }
            }
            Path file = dir.resolve(String.format(Locale.ROOT, "synthetic_%04d.jpg", n));
            if (!ImageIO.write(image, "jpg", file.toFile())) {
                throw new IOException("no ImageIO writer for JPEG");
            }
            files.add(file);
        }
        return files;
    }

    private static String pick(String[] words, Random random) {
        return words[random.nextInt(words.length)];
    }
}
