package io.github.dermlip.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads open_clip config JSON strictly.
 *
 * <p>Accepts either a hub file ({@code {"model_cfg": ..., "preprocess_cfg": ...}}) or a bare model config
 * as in open_clip's {@code model_configs/*.json}. Besides open_clip's own ViT and causal text towers it reads
 * timm ViT trunks ({@code timm_model_name}, see {@link TimmTrunks}), Hugging Face BERT text towers
 * ({@code hf_model_name}, see {@link BertConfigs}) and the Derm1M fork's {@code pretrain_path}. A field this library
 * does not implement is refused by name (for example {@code layers} given as a list for a ResNet, or a timm name it
 * does not know); a field that open_clip itself does not know is refused too. Duplicate keys and anything after the
 * JSON object are refused, and every size is checked ({@link ConfigChecks}) before a config record exists. Every
 * error names the source, the field path and the value read. The config's folder, when read from a file, is where relative model names are resolved.
 */
public final class OpenClipConfigReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Fields that may appear, each only with the value that means "the plain architecture". */
    private static final Map<String, Set<String>> NEUTRAL = Map.of(
            "vision_cfg", Set.of("ls_init_value", "patch_dropout", "attentional_pool", "no_ln_pre", "pos_embed_type",
                    "final_ln_after_pool", "pool_type", "output_tokens", "act_kwargs", "norm_kwargs", "input_patchnorm", "global_average_pool", "attn_pooler_queries", "attn_pooler_heads", "embed_cls"),
            "text_cfg", Set.of("ls_init_value", "pad_id", "embed_cls", "no_causal_mask", "proj_bias", "pool_type", "output_tokens", "act_kwargs",
                    "norm_kwargs", "proj_type", "tokenizer_kwargs", "attn_mask", "final_ln_after_pool", "text_mask"));

    private final String source;
    private final ConfigChecks checks;
    private final Path configDir;

    private OpenClipConfigReader(String source, Path configDir) {
        this.source = source;
        this.checks = new ConfigChecks(source);
        this.configDir = configDir;
    }

    /** Reads a hub {@code open_clip_config.json} (or a bare model config) from a file. */
    public static OpenClipConfig read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), file.toAbsolutePath().getParent());
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such config file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config: " + e.getMessage());
        }
    }

    /**
     * Resolves a {@code --model} argument: a path to a JSON file or hub directory, else a name from
     * {@link io.github.dermlip.models.ModelCatalog}.
     */
    public static OpenClipConfig resolve(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isDirectory(p)) {
            return read(p.resolve("open_clip_config.json"));
        }
        if (Files.isRegularFile(p)) {
            return read(p);
        }
        try (InputStream in = io.github.dermlip.models.ModelCatalog.openArchitecture(nameOrPath)) {
            OpenClipConfig named = read(in, "model '" + nameOrPath + "'", null);
            return isPanDermName(nameOrPath) ? named.withModel(named.model().withVision(named.model().vision().asPanDerm()))
                    : named;
        } catch (java.util.NoSuchElementException e) {
            throw new ConfigException(nameOrPath + ": neither a config file, a hub directory, nor a known model name; known: "
                    + io.github.dermlip.models.ModelCatalog.architectures());
        } catch (IOException e) {
            throw new ConfigException(nameOrPath + ": " + e.getMessage());
        }
    }

    /**
     * True for the model names that the Derm1M fork builds with the PanDerm image tower: its factory swaps the
     * tower in when {@code 'PanDerm-base'} is in the name.
     */
    public static boolean isPanDermName(String modelName) {
        return modelName.contains("PanDerm-base");
    }

    /** Reads a config from a stream; {@code source} names it in errors; relative model names have no folder. */
    public static OpenClipConfig read(InputStream in, String source) throws IOException {
        return read(in, source, null);
    }

    private static OpenClipConfig read(InputStream in, String source, Path configDir) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(source + ": malformed JSON: " + e.getOriginalMessage() + at);
        }
        return new OpenClipConfigReader(source, configDir).parseRoot(root);
    }

    /** Parses a config already held as a JSON string; {@code source} names it in errors. */
    public static OpenClipConfig parse(String json, String source) {
        try {
            return read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
        } catch (IOException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private OpenClipConfig parseRoot(JsonNode root) {
        requireObject(root, "(root)");
        JsonNode modelNode = root.has("model_cfg") ? root.get("model_cfg") : root;
        String modelPath = root.has("model_cfg") ? "model_cfg" : "";
        if (root.has("model_cfg")) {
            refuseUnknown(root, "", Set.of("model_cfg", "preprocess_cfg"));
        }
        ModelConfig model = parseModel(modelNode, modelPath);
        PreprocessConfig pre = root.has("preprocess_cfg")
                ? parsePreprocess(root.get("preprocess_cfg"), "preprocess_cfg", model.vision().imageSize())
                : PreprocessConfig.defaults(model.vision().imageSize());
        return new OpenClipConfig(model, pre);
    }

    private ModelConfig parseModel(JsonNode node, String path) {
        requireObject(node, path);
        refuseUnknown(node, path, Set.of("embed_dim", "quick_gelu", "custom_text", "init_logit_scale", "init_logit_bias",
                "vision_cfg", "text_cfg", "cast_dtype", "nonscalar_logit_scale", "multimodal_cfg"));
        refuseIfPresent(node, path, "multimodal_cfg", "CoCa models are not supported");
        if (node.has("cast_dtype") && !node.get("cast_dtype").isNull()) {
            throw error(join(path, "cast_dtype"), "is not supported (weights are converted to float32 on load)");
        }
        // nonscalar_logit_scale needs no setting here: the checkpoint loader accepts 0-d and 1-d logit_scale.
        int embedDim = checks.atLeast(join(path, "embed_dim"), intField(node, path, "embed_dim", null), 1);
        boolean quickGelu = boolField(node, path, "quick_gelu", false);
        boolean customText = boolField(node, path, "custom_text", false);
        double scale = doubleField(node, path, "init_logit_scale", ModelConfig.DEFAULT_LOGIT_SCALE);
        Double bias = node.has("init_logit_bias") && !node.get("init_logit_bias").isNull()
                ? doubleField(node, path, "init_logit_bias", 0.0) : null;
        VisionConfig vision = parseVision(required(node, path, "vision_cfg"), join(path, "vision_cfg"));
        TextConfig text = parseText(required(node, path, "text_cfg"), join(path, "text_cfg"));
        checks.fitsOneArray(join(path, "embed_dim"), embedDim, "the image projection", vision.width(), embedDim);
        checks.fitsOneArray(join(path, "embed_dim"), embedDim, "the text projection", text.width(), embedDim);
        try {
            return new ModelConfig(embedDim, quickGelu, customText, scale, bias, vision, text);
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private VisionConfig parseVision(JsonNode node, String path) {
        requireObject(node, path);
        Set<String> known = Set.of("image_size", "patch_size", "width", "layers", "head_width", "mlp_ratio",
                "pretrain_path", "timm_model_name", "timm_model_pretrained", "timm_pool", "timm_proj", "timm_proj_bias",
                "timm_drop", "timm_drop_path");
        checkExtras(node, path, known, "vision_cfg");
        // The Derm1M fork's PanDerm weights path: its factory loads them before the checkpoint, which replaces them.
        stringField(node, path, "pretrain_path", null);
        String timmName = stringField(node, path, "timm_model_name", null);
        if (timmName != null) {
            return parseTimm(node, path, timmName);
        }
        refuseTimmFieldsWithoutName(node, path);
        JsonNode layers = required(node, path, "layers");
        if (layers.isArray()) {
            throw error(join(path, "layers"), "is a list (a ModifiedResNet image tower), which is not supported; only ViT towers are");
        }
        String imageField = join(path, "image_size");
        int imageSize = checks.atLeast(imageField, intField(node, path, "image_size", 224), 1);
        checks.fitsOneArray(imageField, imageSize, "an input image", 3L * imageSize, imageSize);
        int patchSize = checks.atLeast(join(path, "patch_size"), intField(node, path, "patch_size", 16), 1);
        checks.divisible(imageField, imageSize, "patch_size", patchSize);
        String widthField = join(path, "width");
        int width = checks.atLeast(widthField, intField(node, path, "width", 768), 1);
        int layerCount = checks.layers(join(path, "layers"), intField(node, path, "layers", null));
        int headWidth = checks.atLeast(join(path, "head_width"), intField(node, path, "head_width", 64), 1);
        checks.divisible(widthField, width, "head_width", headWidth);
        long grid = imageSize / patchSize;
        checks.fitsOneArray(widthField, width, "the patch embedding", width, 3L * patchSize * patchSize);
        checks.fitsOneArray(widthField, width, "the positional embedding", grid * grid + 1, width);
        checks.fitsOneArray(widthField, width, "the attention projection", 3L * width, width);
        double mlpRatio = doubleField(node, path, "mlp_ratio", 4.0);
        checks.mlpWidth(join(path, "mlp_ratio"), mlpRatio, width);
        try {
            return new VisionConfig(imageSize, patchSize, width, layerCount, headWidth, mlpRatio);
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private TextConfig parseText(JsonNode node, String path) {
        requireObject(node, path);
        Set<String> known = Set.of("context_length", "vocab_size", "width", "heads", "layers", "mlp_ratio",
                "hf_tokenizer_name", "hf_model_name", "hf_model_pretrained", "hf_pooler_type", "hf_proj_type");
        checkExtras(node, path, known, "text_cfg");
        String hfTok = stringField(node, path, "hf_tokenizer_name", null);
        HfTextConfig hf = parseHf(node, path);
        String contextField = join(path, "context_length");
        int context = checks.atLeast(contextField, intField(node, path, "context_length", 77), 2);
        String vocabField = join(path, "vocab_size");
        int vocab = checks.atLeast(vocabField, intField(node, path, "vocab_size", 49408), 1);
        String widthField = join(path, "width");
        int width = checks.atLeast(widthField, intField(node, path, "width", 512), 1);
        int heads = checks.atLeast(join(path, "heads"), intField(node, path, "heads", 8), 1);
        int layers = checks.layers(join(path, "layers"), intField(node, path, "layers", 12));
        checks.divisible(widthField, width, "heads", heads);
        checks.fitsOneArray(contextField, context, "the causal attention mask", context, context);
        checks.fitsOneArray(contextField, context, "the positional embedding", context, width);
        checks.fitsOneArray(vocabField, vocab, "the token embedding", vocab, width);
        checks.fitsOneArray(widthField, width, "the attention projection", 3L * width, width);
        double mlpRatio = doubleField(node, path, "mlp_ratio", 4.0);
        checks.mlpWidth(join(path, "mlp_ratio"), mlpRatio, width);
        try {
            return new TextConfig(context, vocab, width, heads, layers, mlpRatio, hfTok, hf);
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    /** The Hugging Face text tower of a {@code text_cfg}, or null when it names none. */
    private HfTextConfig parseHf(JsonNode node, String path) {
        String name = stringField(node, path, "hf_model_name", null);
        if (name == null) {
            for (String field : List.of("hf_model_pretrained", "hf_pooler_type", "hf_proj_type")) {
                refuseIfPresent(node, path, field, "needs text_cfg.hf_model_name");
            }
            return null;
        }
        String pooler = stringField(node, path, "hf_pooler_type", "mean_pooler");
        HfTextConfig.Pooler poolerType = switch (pooler) {
            case "mean_pooler" -> HfTextConfig.Pooler.MEAN_POOLER;
            case "cls_pooler" -> HfTextConfig.Pooler.CLS_POOLER;
            case "cls_last_hidden_state_pooler" -> HfTextConfig.Pooler.CLS_LAST_HIDDEN_STATE_POOLER;
            default -> throw error(join(path, "hf_pooler_type"), "= \"" + pooler + "\" is not implemented (known:"
                    + " mean_pooler, cls_pooler, cls_last_hidden_state_pooler)");
        };
        // open_clip's CLIPTextCfg defaults hf_proj_type to 'mlp'; an explicit null means no projection.
        JsonNode projNode = node.get("hf_proj_type");
        String proj = projNode == null ? "mlp" : stringField(node, path, "hf_proj_type", "none");
        HfTextConfig.Projection projection = switch (proj) {
            case "mlp" -> HfTextConfig.Projection.MLP;
            case "linear" -> HfTextConfig.Projection.LINEAR;
            case "none" -> HfTextConfig.Projection.NONE;
            default -> throw error(join(path, "hf_proj_type"), "= \"" + proj + "\" is not implemented (known: mlp, linear, null)");
        };
        boolean pretrained = boolField(node, path, "hf_model_pretrained", true);
        BertConfig bert = BertConfigs.resolve(name, io.github.dermlip.core.hub.HfRepoFiles.forModelDir(configDir),
                join(path, "hf_model_name"), source);
        return new HfTextConfig(name, pretrained, poolerType, projection, bert);
    }

    /** A timm tower: its trunk's sizes fill the ViT sizes, so the image side and grid read as for any tower. */
    private VisionConfig parseTimm(JsonNode node, String path, String name) {
        TimmVisionConfig.TimmTrunk trunk = TimmTrunks.resolve(name, configDir, join(path, "timm_model_name"), source);
        for (String field : List.of("layers", "width", "patch_size", "head_width", "mlp_ratio")) {
            refuseIfPresent(node, path, field, "is set by the timm model '" + name + "', not by vision_cfg");
        }
        String proj = stringField(node, path, "timm_proj", "linear");
        if (!proj.equals("linear")) {
            throw error(join(path, "timm_proj"), "= \"" + proj + "\" is not implemented (only \"linear\" is)");
        }
        String pool = stringField(node, path, "timm_pool", "avg");
        if (!pool.isEmpty() && !pool.equals("token") && !pool.equals("avg")) {
            throw error(join(path, "timm_pool"), "= \"" + pool + "\" is not implemented (known: \"\", token, avg)");
        }
        for (String field : List.of("timm_drop", "timm_drop_path")) {
            if (doubleField(node, path, field, 0.0) != 0.0) {
                throw error(join(path, field), "= " + node.get(field) + " is not implemented (dropout in timm towers)");
            }
        }
        int imageSize = intField(node, path, "image_size", trunk.imageSize());
        if (imageSize != trunk.imageSize()) {
            throw error(join(path, "image_size"), "is " + imageSize + " but the timm model '" + name + "' ("
                    + trunk.source() + ") takes " + trunk.imageSize());
        }
        TimmVisionConfig timm = new TimmVisionConfig(name, boolField(node, path, "timm_model_pretrained", false),
                pool.equals("token") ? "" : pool, boolField(node, path, "timm_proj_bias", false), trunk);
        try {
            return new VisionConfig(trunk.imageSize(), trunk.patchSize(), trunk.width(), trunk.depth(),
                    trunk.width() / trunk.heads(), trunk.mlpRatio(), timm, false);
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private void refuseTimmFieldsWithoutName(JsonNode node, String path) {
        for (String field : List.of("timm_model_pretrained", "timm_pool", "timm_proj", "timm_proj_bias", "timm_drop",
                "timm_drop_path")) {
            JsonNode v = node.get(field);
            if (v != null && !v.isNull() && !isNeutral(field, v)) {
                throw error(join(path, field), "= " + v + " needs vision_cfg.timm_model_name");
            }
        }
    }

    private PreprocessConfig parsePreprocess(JsonNode node, String path, int imageSize) {
        requireObject(node, path);
        refuseUnknown(node, path, Set.of("size", "mode", "mean", "std", "interpolation", "resize_mode", "fill_color"));
        if (node.has("mode") && !"RGB".equals(node.get("mode").asText())) {
            throw error(join(path, "mode"), "must be \"RGB\", found " + node.get("mode"));
        }
        int size = imageSize;
        if (node.has("size")) {
            JsonNode s = node.get("size");
            if (s.isArray()) {
                if (s.size() != 2 || !s.get(0).isInt() || s.get(0).asInt() != s.get(1).asInt()) {
                    throw error(join(path, "size"), "must be an integer or a square [h, w] pair, found " + s);
                }
                size = s.get(0).asInt();
            } else {
                size = intField(node, path, "size", imageSize);
            }
        }
        if (size != imageSize) {
            throw error(join(path, "size"), "= " + size + " differs from the model's vision_cfg.image_size = " + imageSize);
        }
        List<Double> mean = doubleList(node, path, "mean", PreprocessConfig.OPENAI_MEAN);
        List<Double> std = doubleList(node, path, "std", PreprocessConfig.OPENAI_STD);
        checks.channelStatistics(join(path, "mean"), mean, false);
        checks.channelStatistics(join(path, "std"), std, true);
        String interp = stringField(node, path, "interpolation", "bicubic");
        String mode = stringField(node, path, "resize_mode", "shortest");
        PreprocessConfig.Interpolation interpolation;
        PreprocessConfig.ResizeMode resizeMode;
        try {
            interpolation = PreprocessConfig.Interpolation.parse(interp);
        } catch (IllegalArgumentException e) {
            throw error(join(path, "interpolation"), "must be \"bicubic\" or \"bilinear\", found \"" + interp + "\"");
        }
        try {
            resizeMode = PreprocessConfig.ResizeMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw error(join(path, "resize_mode"), "must be \"shortest\", \"longest\" or \"squash\", found \"" + mode + "\"");
        }
        int fill = intField(node, path, "fill_color", 0);
        checks.inRange(join(path, "fill_color"), fill, 0, 255);
        try {
            return new PreprocessConfig(size, mean, std, interpolation, resizeMode, fill);
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    /** Refuses fields that are neither known nor neutral, and neutral fields set to a non-neutral value. */
    private void checkExtras(JsonNode node, String path, Set<String> known, String section) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (known.contains(name)) {
                continue;
            }
            if (!NEUTRAL.get(section).contains(name)) {
                throw error(join(path, name), "is not an open_clip field this library knows");
            }
            if (!isNeutral(name, node.get(name))) {
                throw error(join(path, name), "= " + node.get(name) + " is not supported by this library"
                        + " (only the plain ViT / causal-text CLIP architecture is implemented)");
            }
        }
    }

    private static boolean isNeutral(String name, JsonNode value) {
        if (value.isNull()) {
            return true;
        }
        switch (name) {
            case "pool_type":
                return value.asText().equals("tok") || value.asText().equals("argmax");
            case "pos_embed_type":
                return value.asText().equals("learnable");
            case "pad_id":
                return value.isInt() && value.asInt() == 0;
            case "patch_dropout":
                return value.isNumber() && value.asDouble() == 0.0;
            case "act_kwargs":
            case "norm_kwargs":
            case "tokenizer_kwargs":
                return value.isObject() && value.isEmpty();
            case "attn_mask":
                return value.isBoolean() && value.asBoolean();
            default:
                return value.isBoolean() && !value.asBoolean();
        }
    }

    private void refuseUnknown(JsonNode node, String path, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> {
            if (!known.contains(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            throw error(join(path, unknown.get(0)), "is not supported by this library (unknown fields: " + unknown + ")");
        }
    }

    private void refuseIfPresent(JsonNode node, String path, String field, String why) {
        if (node.has(field) && !node.get(field).isNull()) {
            throw error(join(path, field), why);
        }
    }

    private JsonNode required(JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(join(path, field), "is missing");
        }
        return v;
    }

    private int intField(JsonNode node, String path, String field, Integer def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (def == null) {
                throw error(join(path, field), "is missing");
            }
            return def;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw error(join(path, field), "must be an integer, found " + describe(v));
        }
        return v.intValue();
    }

    private double doubleField(JsonNode node, String path, String field, double def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isNumber()) {
            throw error(join(path, field), "must be a number, found " + describe(v));
        }
        return v.doubleValue();
    }

    private boolean boolField(JsonNode node, String path, String field, boolean def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isBoolean()) {
            throw error(join(path, field), "must be true or false, found " + describe(v));
        }
        return v.booleanValue();
    }

    private String stringField(JsonNode node, String path, String field, String def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isTextual()) {
            throw error(join(path, field), "must be a string, found " + describe(v));
        }
        return v.textValue();
    }

    private List<Double> doubleList(JsonNode node, String path, String field, List<Double> def) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isArray()) {
            throw error(join(path, field), "must be a list of numbers, found " + describe(v));
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isNumber()) {
                throw error(join(path, field), "must be a list of numbers, found element " + describe(x));
            }
            out.add(x.doubleValue());
        }
        return out;
    }

    private void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw error(path.isEmpty() ? "(root)" : path, "must be a JSON object, found " + describe(node));
        }
    }

    private static String describe(JsonNode v) {
        String type = v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        String text = v.toString();
        return type + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private ConfigException error(String field, String what) {
        return checks.error(field, what);
    }
}
