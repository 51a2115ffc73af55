package io.github.dermlip.core.hub;

import io.github.dermlip.core.model.OpenClipHub;
import java.util.List;

/**
 * The files a model folder holds, by the library that wrote it: which one is the config, which weights files
 * may hold the weights (first found wins), and which other files the model uses when they are there.
 */
public enum ModelLayout {
    /** An open_clip hub folder; safetensors preferred over the pickled {@code .bin}, as open_clip prefers it. */
    OPEN_CLIP(OpenClipHub.CONFIG_FILE, List.of(OpenClipHub.SAFETENSORS_FILE, OpenClipHub.PYTORCH_FILE),
            List.of("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt", "vocab.json",
                    "merges.txt")),
    /** A Hugging Face {@code CLIPModel} folder with its processor and tokenizer files. */
    HF_CLIP("config.json", List.of("model.safetensors", "pytorch_model.bin"),
            List.of("preprocessor_config.json", "tokenizer.json", "vocab.json", "merges.txt", "tokenizer_config.json",
                    "special_tokens_map.json"));

    /**
     * What a model takes from a Hugging Face repository its config names ({@code hf_model_name},
     * {@code hf_tokenizer_name}): the architecture config and tokenizer files, never weights (the model's own
     * checkpoint holds those).
     */
    public static final List<String> LINKED_REPO_FILES = List.of("config.json", "tokenizer.json", "vocab.txt",
            "tokenizer_config.json", "special_tokens_map.json");

    private final String configFile;
    private final List<String> weightsFiles;
    private final List<String> optionalFiles;

    ModelLayout(String configFile, List<String> weightsFiles, List<String> optionalFiles) {
        this.configFile = configFile;
        this.weightsFiles = weightsFiles;
        this.optionalFiles = optionalFiles;
    }

    /** The config file's name. */
    public String configFile() {
        return configFile;
    }

    /** The weights files' names, preferred first; a model needs exactly one. */
    public List<String> weightsFiles() {
        return weightsFiles;
    }

    /** Tokenizer and preprocessing files used when present. */
    public List<String> optionalFiles() {
        return optionalFiles;
    }
}
