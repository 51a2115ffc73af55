package io.github.dermlip.core.api;

/**
 * Small operations on embeddings held as Java arrays (one row per image or text).
 */
public final class Embeddings {
    /** Smallest norm divided by, as torch's {@code F.normalize}. */
    private static final double EPSILON = 1e-12;

    private Embeddings() {}

    /** {@code row / max(||row||, 1e-12)} as a new array. */
    public static float[] normalize(float[] row) {
        float[] out = row.clone();
        normalizeInPlace(out);
        return out;
    }

    /** Normalizes every row to unit L2 norm, as new arrays. */
    public static float[][] normalizeRows(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = normalize(rows[r]);
        }
        return out;
    }

    /** Divides {@code row} by {@code max(||row||, 1e-12)} in place. */
    public static void normalizeInPlace(float[] row) {
        double sum = 0;
        for (float v : row) {
            sum += (double) v * v;
        }
        double scale = 1.0 / Math.max(Math.sqrt(sum), EPSILON);
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) (row[i] * scale);
        }
    }

    /** Splits a row-major {@code [rows, width]} array into rows. */
    static float[][] rows(float[] flat, int rows, int width) {
        if (flat.length != rows * width) {
            throw new IllegalStateException(flat.length + " values cannot be " + rows + " rows of " + width);
        }
        float[][] out = new float[rows][width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }
}
