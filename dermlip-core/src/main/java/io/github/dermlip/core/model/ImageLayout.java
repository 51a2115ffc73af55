package io.github.dermlip.core.model;

import io.github.dermlip.core.config.ConfigException;
import java.util.Set;

/** The image tower layouts an open_clip checkpoint can have, each recognised by one key it always holds. */
enum ImageLayout {
    /** open_clip's own {@code VisionTransformer}. */
    OPEN_CLIP_VIT("visual.conv1.weight", "visual.transformer.resblocks.", "open_clip's ViT"),
    /** open_clip's {@code TimmModel} over a timm ViT trunk. */
    TIMM("visual.trunk.patch_embed.proj.weight", "visual.trunk.blocks.", "a timm ViT trunk (TimmModel)"),
    /** The Derm1M fork's PanDerm CAE ViT. */
    PANDERM("visual.patch_embed.proj.weight", "visual.blocks.", "the PanDerm CAE ViT");

    final String probe;
    final String blockPrefix;
    final String description;

    ImageLayout(String probe, String blockPrefix, String description) {
        this.probe = probe;
        this.blockPrefix = blockPrefix;
        this.description = description;
    }

    /**
     * The layout of a checkpoint's keys.
     *
     * @throws ConfigException naming the checkpoint and every layout tried when none matches
     */
    static ImageLayout detect(Set<String> keys, String weightsSource) {
        StringBuilder tried = new StringBuilder();
        for (ImageLayout layout : values()) {
            if (keys.contains(layout.probe)) {
                return layout;
            }
            tried.append(tried.length() == 0 ? "" : ", ").append(layout.description).append(" (")
                    .append(layout.probe).append(')');
        }
        throw new ConfigException(weightsSource + ": the keys match no known image tower layout; tried " + tried
                + "; the checkpoint's first keys are " + keys.stream().limit(5).toList());
    }
}
