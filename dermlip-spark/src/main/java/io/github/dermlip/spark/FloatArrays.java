package io.github.dermlip.spark;

import java.util.List;

/** Embeddings as Spark hands {@code array<float>} values back. */
final class FloatArrays {
    private FloatArrays() {}

    /** The values of an {@code array<float>} cell. */
    static float[] of(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
