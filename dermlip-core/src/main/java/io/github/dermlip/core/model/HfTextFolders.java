package io.github.dermlip.core.model;

import io.github.dermlip.core.config.HfTextConfig;
import io.github.dermlip.core.config.TextConfig;
import io.github.dermlip.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps a saved hub directory self-contained when its Hugging Face text tower is named by a folder relative to
 * the model ({@code hf_model_name: "hf_text_config"}, as in the fixtures): that folder's files ({@code config.json},
 * tokenizer files) are copied beside the saved config, where the relative name then resolves.
 */
final class HfTextFolders {
    private HfTextFolders() {}

    /** Copies the relative text-model folder of {@code text} into {@code dir}; does nothing for hub names. */
    static void copyInto(TextConfig text, Path dir) throws IOException {
        HfTextConfig hf = text.hf();
        if (hf == null) {
            return;
        }
        Path name;
        Path configJson;
        try {
            name = Path.of(hf.modelName());
            configJson = Path.of(hf.bert().source());
        } catch (InvalidPathException e) {
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
            AtomicFiles.write(to.resolve(file.getFileName().toString()), out -> Files.copy(file, out));
        }
    }
}
