package io.github.dermlip.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.config.TimmVisionConfig.TimmTrunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The timm ViT trunk a {@code vision_cfg.timm_model_name} names: from a {@code timm_model_cfg.json} beside the
 * config (its {@code kwargs} are timm {@code VisionTransformer} arguments), else from a built-in table of timm's
 * own ViT names.
 */
final class TimmTrunks {
    /** The file beside the config that describes a custom timm model. */
    static final String CFG_FILE = "timm_model_cfg.json";

    private static final String BUILT_IN = "the built-in table of timm ViTs";
    private static final Set<String> KWARGS = Set.of("img_size", "patch_size", "embed_dim", "depth", "num_heads", "mlp_ratio");

    /* timm's vision_transformer.py definitions of these names (all with mlp_ratio 4, class token, qkv bias). */
    private static final Map<String, TimmTrunk> TABLE = Map.of(
            "vit_tiny_patch16_224", trunk(224, 16, 192, 12, 3, "vit_tiny_patch16_224"),
            "vit_small_patch16_224", trunk(224, 16, 384, 12, 6, "vit_small_patch16_224"),
            "vit_base_patch16_224", trunk(224, 16, 768, 12, 12, "vit_base_patch16_224"),
            "vit_base_patch32_224", trunk(224, 32, 768, 12, 12, "vit_base_patch32_224"),
            "vit_large_patch16_224", trunk(224, 16, 1024, 24, 16, "vit_large_patch16_224"));

    private TimmTrunks() {}

    private static TimmTrunk trunk(int image, int patch, int width, int depth, int heads, String name) {
        return new TimmTrunk(image, patch, width, depth, heads, 4.0, BUILT_IN + " (" + name + ")");
    }

    /**
     * The trunk of {@code name}.
     *
     * @param configDir the config's folder, where {@code timm_model_cfg.json} may be, or null
     * @throws ConfigException naming the config file, the field and the places looked at for an unknown name
     */
    static TimmTrunk resolve(String name, Path configDir, String field, String source) {
        Path file = configDir == null ? null : configDir.resolve(CFG_FILE);
        if (file != null && Files.isRegularFile(file)) {
            TimmTrunk custom = read(file, name);
            if (custom != null) {
                return custom;
            }
        }
        TimmTrunk known = TABLE.get(name);
        if (known != null) {
            return known;
        }
        throw new ConfigException(source + ": field '" + field + "' names the timm model '" + name
                + "', which is not implemented; looked in: " + (file == null ? "" : file + ", ") + BUILT_IN + " "
                + TABLE.keySet());
    }

    /** The trunk the file describes, or null when the file is about another model name. */
    private static TimmTrunk read(Path file, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        JsonNode described = root.get("timm_model_name");
        if (described == null || !name.equals(described.asText())) {
            return null;
        }
        JsonNode kwargs = root.get("kwargs");
        if (kwargs == null || !kwargs.isObject()) {
            throw new ConfigException(file + ": field 'kwargs' must be an object of VisionTransformer arguments");
        }
        Iterator<String> names = kwargs.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!KWARGS.contains(n)) {
                throw new ConfigException(file + ": field 'kwargs." + n + "' is not implemented (known: " + KWARGS + ")");
            }
        }
        return new TimmTrunk(integer(kwargs, "img_size", file), integer(kwargs, "patch_size", file),
                integer(kwargs, "embed_dim", file), integer(kwargs, "depth", file), integer(kwargs, "num_heads", file),
                mlpRatio(kwargs, file), file.toString());
    }

    private static double mlpRatio(JsonNode kwargs, Path file) {
        JsonNode v = kwargs.get("mlp_ratio");
        if (v == null) {
            return 4.0;
        }
        if (!v.isNumber()) {
            throw new ConfigException(file + ": field 'kwargs.mlp_ratio' must be a number, found " + v);
        }
        return v.doubleValue();
    }

    private static int integer(JsonNode kwargs, String name, Path file) {
        JsonNode v = kwargs.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ConfigException(file + ": field 'kwargs." + name + "' must be an integer, found " + v);
        }
        return v.intValue();
    }
}
