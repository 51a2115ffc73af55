package io.github.dermlip.core.config;

import java.util.List;

/**
 * The settings of a Hugging Face {@code CLIPImageProcessor} ({@code preprocessor_config.json}) that this library
 * implements: convert to RGB, resize the shortest edge, center-crop a square, rescale by 1/255, normalize.
 *
 * @param shortestEdge side the shortest edge is resized to ({@code size.shortest_edge})
 * @param cropSize side of the square center crop ({@code crop_size})
 * @param resample the resampling filter ({@code resample}: PIL's 3 bicubic or 2 bilinear)
 * @param mean per-channel mean subtracted after rescaling ({@code image_mean})
 * @param std per-channel standard deviation divided after subtracting the mean ({@code image_std})
 */
public record ClipImageProcessorConfig(int shortestEdge, int cropSize, PreprocessConfig.Interpolation resample,
        List<Double> mean, List<Double> std) {

    /** Copies the lists and checks the sizes. */
    public ClipImageProcessorConfig {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
        if (shortestEdge <= 0 || cropSize <= 0) {
            throw new ConfigException("preprocessor config: sizes must be positive, found shortest_edge "
                    + shortestEdge + " and crop_size " + cropSize);
        }
        if (cropSize > shortestEdge) {
            throw new ConfigException("preprocessor config: crop_size " + cropSize + " exceeds size.shortest_edge "
                    + shortestEdge + " (padding before the crop is not implemented)");
        }
        if (mean.size() != 3 || std.size() != 3 || !std.stream().allMatch(s -> s > 0)) {
            throw new ConfigException("preprocessor config: image_mean and image_std need 3 values each (std"
                    + " positive), found " + mean + " and " + std);
        }
    }

    /** open_clip's nearest eval transform: the same size, filter, mean and std, resizing the shortest side. */
    public PreprocessConfig toOpenClip() {
        return new PreprocessConfig(cropSize, mean, std, resample, PreprocessConfig.ResizeMode.SHORTEST, 0);
    }
}
