package io.github.dermlip.core.hub;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model reference resolved once into its files: the folder and the config, weights and tokenizer files it
 * holds. Everything downstream reads these paths instead of looking the model up again.
 *
 * @param folder the model folder (a local folder, or a hub snapshot folder)
 * @param layout which library's layout the folder has
 * @param config the config file
 * @param weights the one weights file chosen
 * @param extras the tokenizer and preprocessing files present
 */
public record ModelFiles(Path folder, ModelLayout layout, Path config, Path weights, List<Path> extras) {
    /** Copies the list. */
    public ModelFiles {
        extras = List.copyOf(extras);
    }

    /**
     * The files of a local model folder: an open_clip folder when it has {@code open_clip_config.json}, else a
     * Hugging Face CLIP folder when it has {@code config.json}. Nothing is downloaded.
     *
     * @throws FileNotFoundException naming the folder and the files expected when it is not a model folder
     */
    public static ModelFiles inFolder(Path folder) throws FileNotFoundException {
        if (!Files.isDirectory(folder)) {
            throw new FileNotFoundException(folder + ": not a directory; expected a model folder (" + expected() + ")");
        }
        for (ModelLayout layout : ModelLayout.values()) {
            Path config = folder.resolve(layout.configFile());
            if (!Files.isRegularFile(config)) {
                continue;
            }
            Path weights = layout.weightsFiles().stream().map(folder::resolve).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new FileNotFoundException(folder + ": no weights found; expected "
                            + String.join(" or ", layout.weightsFiles())));
            List<Path> extras = new ArrayList<>();
            layout.optionalFiles().stream().map(folder::resolve).filter(Files::isRegularFile).forEach(extras::add);
            return new ModelFiles(folder, layout, config, weights, extras);
        }
        throw new FileNotFoundException(folder + ": not a model folder; expected " + expected());
    }

    private static String expected() {
        List<String> each = new ArrayList<>();
        for (ModelLayout layout : ModelLayout.values()) {
            each.add(layout.configFile() + " with " + String.join(" or ", layout.weightsFiles()));
        }
        return String.join(", or ", each);
    }
}
