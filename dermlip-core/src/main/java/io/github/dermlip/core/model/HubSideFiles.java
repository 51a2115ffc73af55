package io.github.dermlip.core.model;

import io.github.dermlip.core.config.HfTextConfig;
import io.github.dermlip.core.config.ModelConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.config.TimmVisionConfig;
import io.github.dermlip.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps a saved hub directory self-contained when its config leans on files beside it: a Hugging Face text tower
 * named by a folder relative to the model ({@code hf_model_name: "hf_text_config"}, as in the fixtures), whose
 * files ({@code config.json}, tokenizer files) are copied into the same relative folder, and a custom timm model
 * described by {@code timm_model_cfg.json}, which is copied beside the config.
 */
final class HubSideFiles {
    private static final String TIMM_CFG = "timm_model_cfg.json";

    private HubSideFiles() {}

    /** Copies the side files the config's towers were read with into {@code dir}. */
    static void copyInto(ModelConfig config, Path dir) throws IOException {
        copyTextFolder(config.text(), dir);
        TimmVisionConfig timm = config.vision().timm();
        if (timm != null) {
            Path from = pathOrNull(timm.trunk().source());
            if (from != null && Files.isRegularFile(from) && from.getFileName().toString().equals(TIMM_CFG)) {
                copy(from, dir.resolve(TIMM_CFG));
            }
        }
    }

    private static Path pathOrNull(String source) {
        try {
            return Path.of(source);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            AtomicFiles.write(to, out -> Files.copy(from, out));
        }
    }

    /** Copies the relative text-model folder of {@code text} into {@code dir}; does nothing for hub names. */
    private static void copyTextFolder(TextConfig text, Path dir) throws IOException {
        HfTextConfig hf = text.hf();
        if (hf == null) {
            return;
        }
        Path name = pathOrNull(hf.modelName());
        Path configJson = pathOrNull(hf.bert().source());
        if (name == null || configJson == null) {
            return;
        }
        // Only a folder found as a relative path ends with the name; a hub cache snapshot or the table does not.
        if (name.isAbsolute() || !Files.isRegularFile(configJson)
                || !configJson.toAbsolutePath().normalize().getParent().endsWith(name.normalize())) {
            return;
        }
        Path from = configJson.toAbsolutePath().normalize().getParent();
        Path to = dir.resolve(hf.modelName()).toAbsolutePath().normalize();
        if (from.equals(to)) {
            return;
        }
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> listing = Files.list(from)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            copy(file, to.resolve(file.getFileName().toString()));
        }
    }
}
