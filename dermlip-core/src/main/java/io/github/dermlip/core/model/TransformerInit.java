package io.github.dermlip.core.model;

/**
 * Initial weight scales of a transformer stack, as in open_clip's {@code TextTransformer.init_parameters}:
 * attention input {@code d^-0.5}, output projections {@code d^-0.5 (2 layers)^-0.5}, MLP input {@code (2d)^-0.5}.
 */
record TransformerInit(float attentionStd, float projectionStd, float fcStd) {

    /** The scales for a stack of the given width and depth. */
    static TransformerInit forStack(int width, int layers) {
        double attn = Math.pow(width, -0.5);
        return new TransformerInit((float) attn, (float) (attn * Math.pow(2.0 * layers, -0.5)),
                (float) Math.pow(2.0 * width, -0.5));
    }
}
