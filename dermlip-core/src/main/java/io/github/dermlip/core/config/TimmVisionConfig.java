package io.github.dermlip.core.config;

import java.util.Objects;

/**
 * open_clip's timm image tower ({@code TimmModel}) over a timm {@code VisionTransformer} trunk.
 *
 * @param modelName {@code vision_cfg.timm_model_name}
 * @param pretrained {@code vision_cfg.timm_model_pretrained}; kept to write the config back, the checkpoint's
 *     weights replace any pretrained ones
 * @param pool {@code vision_cfg.timm_pool}: {@code ""} (the trunk's own class-token pooling) or {@code "avg"}
 * @param projBias {@code vision_cfg.timm_proj_bias}: the linear head has a bias
 * @param trunk the trunk's architecture, from the built-in table or {@code timm_model_cfg.json}
 */
public record TimmVisionConfig(String modelName, boolean pretrained, String pool, boolean projBias, TimmTrunk trunk) {

    /** Checks that every part is present. */
    public TimmVisionConfig {
        Objects.requireNonNull(modelName, "timm_model_name");
        Objects.requireNonNull(pool, "timm_pool");
        Objects.requireNonNull(trunk, "trunk");
    }

    /** True when the trunk averages the patch tokens instead of taking the class token. */
    public boolean averagePool() {
        return pool.equals("avg");
    }

    /**
     * The arguments of a timm {@code VisionTransformer}: class token, learned positions, pre-norm blocks with full
     * q/k/v bias, LayerNorm eps 1e-6, exact GELU, no layer scale.
     *
     * @param imageSize input side in pixels ({@code img_size})
     * @param patchSize patch side in pixels
     * @param width {@code embed_dim}
     * @param depth number of blocks
     * @param heads {@code num_heads}
     * @param mlpRatio MLP hidden width divided by the width
     * @param source where the values came from (the built-in table or a file), named in errors
     */
    public record TimmTrunk(int imageSize, int patchSize, int width, int depth, int heads, double mlpRatio, String source) {

        /** Checks the sizes and their divisibility. */
        public TimmTrunk {
            if (imageSize <= 0 || patchSize <= 0 || width <= 0 || depth <= 0 || heads <= 0 || !(mlpRatio > 0)) {
                throw new ConfigException(source + ": every timm ViT size must be positive: img_size " + imageSize
                        + ", patch_size " + patchSize + ", embed_dim " + width + ", depth " + depth + ", num_heads "
                        + heads + ", mlp_ratio " + mlpRatio);
            }
            if (imageSize % patchSize != 0 || width % heads != 0) {
                throw new ConfigException(source + ": img_size " + imageSize + " must be a multiple of patch_size "
                        + patchSize + " and embed_dim " + width + " a multiple of num_heads " + heads);
            }
        }

        /** Hidden width of the MLP, as timm computes it ({@code int(width * mlp_ratio)}). */
        public int mlpWidth() {
            return (int) (width * mlpRatio);
        }

        /** Patches along one side. */
        public int gridSize() {
            return imageSize / patchSize;
        }
    }
}
