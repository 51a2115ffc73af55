package io.github.dermlip.core.image;

import io.github.dermlip.core.config.ClipImageProcessorConfig;
import java.awt.image.BufferedImage;

/**
 * Hugging Face's {@code CLIPImageProcessor} (transformers 4.33) on Pillow semantics.
 *
 * <p>It differs from open_clip's {@link EvalTransform} in two ways that change pixels: the image is converted to
 * RGB <em>first</em> (an RGBA image loses its alpha without compositing, before any resampling), and the center
 * crop offsets are floored ({@code (side - crop) // 2}) rather than rounded. The resize is the same: the shortest
 * edge becomes {@code shortest_edge} and the long one {@code int(S * long / short)}, with {@link PillowResampler}.
 * Then {@code x / 255} and {@code (x - mean) / std} in float32. Deterministic, stateless and thread-safe.
 */
public final class ClipImageProcessor extends InferenceTransform {
    private final ClipImageProcessorConfig config;

    /** The processor a {@code preprocessor_config.json} with these settings describes. */
    public ClipImageProcessor(ClipImageProcessorConfig config) {
        super(config.mean(), config.std());
        this.config = config;
    }

    /** The {@code crop x crop} 8-bit RGB image: converted to RGB, resized, center-cropped. */
    @Override
    public BufferedImage fitToSquare(BufferedImage image) {
        BufferedImage rgb = PilImages.toRgb(PilImages.canonical(image));
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int edge = config.shortestEdge();
        int newLong = (int) ((double) edge * Math.max(w, h) / Math.min(w, h));
        BufferedImage resized = w <= h
                ? PillowResampler.resize(rgb, edge, newLong, config.resample())
                : PillowResampler.resize(rgb, newLong, edge, config.resample());
        int crop = config.cropSize();
        return PilImages.crop(resized, (resized.getWidth() - crop) / 2, (resized.getHeight() - crop) / 2, crop, crop);
    }

    @Override
    public int outputSize() {
        return config.cropSize();
    }
}
