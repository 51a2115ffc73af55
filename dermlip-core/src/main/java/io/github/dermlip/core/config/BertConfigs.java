package io.github.dermlip.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dermlip.core.hub.HfRepoFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The BERT architecture an open_clip {@code text_cfg.hf_model_name} names: read from that model's
 * {@code config.json} ({@link HfRepoFiles} says where it is looked for), else taken from a built-in table of the
 * text towers that published biomedical and dermatology CLIPs use.
 */
final class BertConfigs {
    private static final String BUILT_IN = "the built-in table of BERT text towers";

    /*
     * BERT-base as published in each repository's config.json: hidden 768, 12 layers, 12 heads, intermediate 3072,
     * 512 positions, 2 token types, eps 1e-12, GELU, pad 0, vocab 30522. Checked against config.json files that
     * derive from the microsoft PubMedBERT/BiomedBERT abstract models and name them in _name_or_path (their sizes
     * are inherited unchanged); neuml/pubmedbert-base-embeddings is a sentence-transformers fine-tune of PubMedBERT
     * and was not checked against its own file.
     */
    private static final Map<String, BertConfig> TABLE = Map.of(
            "neuml/pubmedbert-base-embeddings", bertBase("neuml/pubmedbert-base-embeddings"),
            "microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract",
            bertBase("microsoft/BiomedNLP-BiomedBERT-base-uncased-abstract"),
            "microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract",
            bertBase("microsoft/BiomedNLP-PubMedBERT-base-uncased-abstract"));

    private BertConfigs() {}

    private static BertConfig bertBase(String name) {
        return new BertConfig(30522, 768, 12, 12, 3072, 512, 2, 1e-12, 0, BUILT_IN + " (" + name + ")");
    }

    /**
     * The architecture of {@code name}.
     *
     * @param field the config field that names the model, e.g. {@code model_cfg.text_cfg.hf_model_name}
     * @param source the config file, named in errors
     * @throws ConfigException naming the file, the field, the model and every place looked at when nothing is found,
     *     or when the model is not a BERT
     */
    static BertConfig resolve(String name, HfRepoFiles files, String field, String source) {
        List<String> tried = new ArrayList<>();
        Optional<Path> file = files.find(name, "config.json", tried);
        if (file.isPresent()) {
            return read(file.get(), field, source);
        }
        BertConfig known = TABLE.get(name);
        if (known != null) {
            return known;
        }
        tried.add(BUILT_IN + " " + new java.util.TreeSet<>(TABLE.keySet()));
        throw new ConfigException(source + ": field '" + field + "' names the Hugging Face text model '" + name
                + "', whose config.json was not found; looked in: " + String.join(", ", tried));
    }

    private static BertConfig read(Path file, String field, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the Hugging Face config (named by " + source + " field '"
                    + field + "'): " + e.getMessage());
        }
        String where = file.toString();
        String type = text(root, "model_type", where);
        if (!"bert".equals(type)) {
            throw new ConfigException(where + ": field 'model_type' is '" + type + "' (named by " + source + " field '"
                    + field + "'); only Hugging Face BERT text towers are implemented, not " + type);
        }
        requireValue(root, "hidden_act", "gelu", where);
        requireValue(root, "position_embedding_type", "absolute", where);
        return new BertConfig(integer(root, "vocab_size", where), integer(root, "hidden_size", where),
                integer(root, "num_hidden_layers", where), integer(root, "num_attention_heads", where),
                integer(root, "intermediate_size", where), integer(root, "max_position_embeddings", where),
                integer(root, "type_vocab_size", where), number(root, "layer_norm_eps", where),
                integer(root, "pad_token_id", where), where);
    }

    private static void requireValue(JsonNode root, String name, String only, String where) {
        JsonNode v = root.get(name);
        if (v != null && !v.isNull() && !only.equals(v.asText())) {
            throw new ConfigException(where + ": field '" + name + "' is " + v + "; only \"" + only + "\" is implemented");
        }
    }

    private static String text(JsonNode root, String name, String where) {
        JsonNode v = root.get(name);
        if (v == null || !v.isTextual()) {
            throw new ConfigException(where + ": field '" + name + "' must be a string, found " + v);
        }
        return v.textValue();
    }

    private static int integer(JsonNode root, String name, String where) {
        JsonNode v = root.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ConfigException(where + ": field '" + name + "' must be an integer, found " + v);
        }
        return v.intValue();
    }

    private static double number(JsonNode root, String name, String where) {
        JsonNode v = root.get(name);
        if (v == null || !v.isNumber()) {
            throw new ConfigException(where + ": field '" + name + "' must be a number, found " + v);
        }
        return v.doubleValue();
    }
}
