package io.github.dermlip.core.config;

/**
 * Architecture of open_clip's ViT image tower ({@code model_cfg.vision_cfg}).
 *
 * @param imageSize input side in pixels
 * @param patchSize patch side in pixels
 * @param width transformer width
 * @param layers number of residual blocks
 * @param headWidth width of one attention head (heads = width / headWidth)
 * @param mlpRatio MLP hidden width divided by {@code width}
 */
public record VisionConfig(int imageSize, int patchSize, int width, int layers, int headWidth, double mlpRatio) {

    /** Validates the arithmetic relations between the fields. */
    public VisionConfig {
        if (imageSize <= 0 || patchSize <= 0 || width <= 0 || layers <= 0 || headWidth <= 0 || mlpRatio <= 0) {
            throw new ConfigException("vision_cfg: every size must be positive, found image_size " + imageSize
                    + ", patch_size " + patchSize + ", width " + width + ", layers " + layers + ", head_width " + headWidth
                    + ", mlp_ratio " + mlpRatio);
        }
        if (imageSize % patchSize != 0) {
            throw new ConfigException("vision_cfg: image_size " + imageSize + " is not a multiple of patch_size " + patchSize);
        }
        if (width % headWidth != 0) {
            throw new ConfigException("vision_cfg: width " + width + " is not a multiple of head_width " + headWidth);
        }
    }

    /** Number of attention heads. */
    public int heads() {
        return width / headWidth;
    }

    /** Patches along one side of the image. */
    public int gridSize() {
        return imageSize / patchSize;
    }

    /** Hidden width of the MLP, as open_clip computes it ({@code int(width * mlp_ratio)}). */
    public int mlpWidth() {
        return (int) (width * mlpRatio);
    }
}
