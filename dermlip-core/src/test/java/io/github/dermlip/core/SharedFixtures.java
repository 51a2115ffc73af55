package io.github.dermlip.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only reference data in {@code ../shared} beside the checkout.
 *
 * <p>Tests that need it call {@link #root()}, which fails (never skips) when the data is missing, so
 * a CI run without the fixtures is red rather than silently green.
 */
public final class SharedFixtures {
    private SharedFixtures() {}

    /** The {@code shared} folder: the {@code dermlip.shared} system property, else the first {@code ../shared} found upwards. */
    public static Path root() {
        String prop = System.getProperty("dermlip.shared");
        if (prop != null && Files.isDirectory(Path.of(prop, "fixtures"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("fixtures"))) {
                return candidate.normalize();
            }
        }
        throw new AssertionError("Reference data not found: expected a 'shared' folder with fixtures/ beside the"
                + " checkout (or -Ddermlip.shared=PATH). Tests that need it fail rather than skip.");
    }

    /** {@code shared/fixtures/openclip/NAME}. */
    public static Path openClipModel(String name) {
        return require(root().resolve("fixtures/openclip").resolve(name));
    }

    /** {@code shared/vocab/bpe_simple_vocab_16e6.txt.gz}. */
    public static Path bpeVocab() {
        return require(root().resolve("vocab/bpe_simple_vocab_16e6.txt.gz"));
    }

    /** {@code shared/fixtures/FILE}. */
    public static Path fixture(String file) {
        return require(root().resolve("fixtures").resolve(file));
    }

    /** A float tensor [rows, width] of a fixture model's {@code expected.safetensors}, as rows. */
    public static float[][] expectedRows(String fixture, String name) throws java.io.IOException {
        return expectedRows(openClipModel(fixture), name);
    }

    /** A float tensor [rows, width] of {@code modelDir/expected.safetensors}, as rows. */
    public static float[][] expectedRows(Path modelDir, String name) throws java.io.IOException {
        io.github.dermlip.core.io.TensorData t = io.github.dermlip.core.io.StateDict
                .read(modelDir.resolve("expected.safetensors")).get(name);
        int rows = (int) t.shape()[0];
        int width = (int) t.shape()[1];
        float[] flat = t.floats();
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }

    /** Cosine similarity of two vectors, accumulated in double precision. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static Path require(Path p) {
        if (!Files.exists(p)) {
            throw new AssertionError("Missing reference data: " + p);
        }
        return p;
    }
}
