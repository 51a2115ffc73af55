package io.github.dermlip.core.config;

import java.util.List;
import java.util.Locale;

/**
 * open_clip's {@code preprocess_cfg}: how an image becomes the model's input tensor.
 *
 * @param size output side in pixels
 * @param mean per-channel mean subtracted after scaling to [0,1]
 * @param std per-channel standard deviation divided after subtracting the mean
 * @param interpolation resampling filter
 * @param resizeMode how the image is fitted to {@code size}
 * @param fillColor padding grey level (0..255) used by {@link ResizeMode#LONGEST}
 */
public record PreprocessConfig(int size, List<Double> mean, List<Double> std, Interpolation interpolation,
        ResizeMode resizeMode, int fillColor) {

    /** OpenAI CLIP's channel means, open_clip's default. */
    public static final List<Double> OPENAI_MEAN = List.of(0.48145466, 0.4578275, 0.40821073);
    /** OpenAI CLIP's channel standard deviations, open_clip's default. */
    public static final List<Double> OPENAI_STD = List.of(0.26862954, 0.26130258, 0.27577711);

    /** Copies the lists and checks their sizes. */
    public PreprocessConfig {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (size <= 0) {
            throw new ConfigException("preprocess_cfg: size must be positive, found " + size);
        }
        if (mean.size() != 3 || std.size() != 3) {
            throw new ConfigException("preprocess_cfg: mean and std need 3 values each, found " + mean + " and " + std);
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new ConfigException("preprocess_cfg: std values must be positive, found " + std);
            }
        }
    }

    /** open_clip's defaults for a model of the given image size. */
    public static PreprocessConfig defaults(int size) {
        return new PreprocessConfig(size, OPENAI_MEAN, OPENAI_STD, Interpolation.BICUBIC, ResizeMode.SHORTEST, 0);
    }

    /** Resampling filters, named as in open_clip. */
    public enum Interpolation {
        /** Pillow's bicubic (a = -0.5), antialiased when downscaling. */
        BICUBIC,
        /** Pillow's bilinear (triangle), antialiased when downscaling. */
        BILINEAR;

        /** Parses open_clip's name for the filter. */
        public static Interpolation parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** Ways of fitting an image to a square, named as in open_clip's {@code resize_mode}. */
    public enum ResizeMode {
        /** Resize the shortest side to {@code size}, then center-crop. */
        SHORTEST,
        /** Resize the longest side to {@code size}, then pad with {@code fill_color}. */
        LONGEST,
        /** Resize both sides to {@code size}, ignoring aspect ratio. */
        SQUASH;

        /** Parses open_clip's name for the mode. */
        public static ResizeMode parse(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
